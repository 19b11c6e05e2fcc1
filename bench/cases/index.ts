import type { BenchCase } from '../types';
import { exportCase } from '../export/case';
import { anchorQualityCase } from './anchor-quality';
import { graphCase } from './graph';
import { annotateCase } from './annotate';
import { connectorsCase } from './connectors';
import { memoryCase } from './memory';
import { openCase } from './open';
import { pdfCase } from './pdf';
import { scrollCase } from './scroll';
import { searchCase } from './search';
import { shareCase } from './share';
import { storeCase } from './store';
import { hypothesesCase } from './hypotheses';
import { richTextCrdtCase } from './richtext-crdt';
import { teamServerCase } from './team-server';
import { teamCase } from './team';

/**
 * Every case `npm run bench` knows, in the order they run. A new case is one module in this folder
 * exporting a BenchCase, added to this list; `npm run bench -- <id>` then selects it by its id.
 */
export const CASES: readonly BenchCase[] = [openCase, annotateCase, scrollCase, connectorsCase, storeCase, searchCase, exportCase, shareCase, anchorQualityCase, pdfCase, graphCase, hypothesesCase, richTextCrdtCase, teamServerCase, teamCase, memoryCase];
