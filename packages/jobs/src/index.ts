export { type JobDefinition, type JobQueue, startJobs } from './queue.js';
