/**
 * F2 from its prebuilt ES5 bundle: the mini program build compiles only our own sources and a few
 * listed packages down to ES5, and F2's modules (and the AntV packages under them) ship ES2015+.
 * Imported only by this subpackage's dashboard, so it weighs on packages/cockpit alone.
 */
export { Axis, Canvas, Chart, Interval, jsx, Legend } from '@antv/f2/dist/index.min.js';
