// Types of ./apache-arrow.js for the sources; the published .d.ts never reach this file.
export * from 'apache-arrow';
