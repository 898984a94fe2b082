// Not shown in the docs: a browser app's timers are numbers. Fails to type-check when Node's
// types come in through rr-elements (apache-arrow's types depend on @types/node).
import 'rr-elements';

export const timer: number = setTimeout(() => {}, 0);
