/**
 * Worker thread of {@link parallelTermReader}: reads one part of a corpus into token streams
 * and sends them back, the typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { allLanguages } from '../text/languagePacks.js'
import { registerLanguages } from '../text/languageRegistry.js'
import { readTalkTerms } from '../vectorize/tfidf.js'
import { unpackTexts, type TermJob } from './termParts.js'
import { injectTestFault } from './testFault.js'

registerLanguages(...allLanguages)
injectTestFault('term')
const job = workerData as TermJob
const streams = readTalkTerms(unpackTexts(job), job.options)
const buffers = new Set([streams.units.buffer, streams.isPart.buffer, streams.surfaces.buffer, streams.docStart.buffer, streams.typeUnits.buffer, streams.typeCounts.buffer])
parentPort!.postMessage(streams, [...buffers] as ArrayBuffer[])
