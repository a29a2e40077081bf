export { renderMatrixTable } from '../report/terminal-matrix.ts';
