import * as core from '@actions/core';
import type { Pin } from '../types.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import type { GateConfig } from '../config/gate-config.js';
import type { AppConfig, Environment } from '../config/promotion-config.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import { CarriedImages } from './carried-images.js';
import type { GateVerdict, SourceObservation } from './gate-types.js';
import { describeObservation, judgeGates, needsControllers } from './judge-gates.js';
import { observeSource, type PromotedApp } from './observe-source.js';

export interface GateContext {
  gates: GateConfig;
  source: Environment;
  target: Environment;
  /** The promotion config's apps: where each one's controller object is named. */
  apps: readonly AppConfig[];
  /** controller, flux-kind and flux-namespace as the workflow set them. */
  settings: WorkflowSettings;
  connections: ControllerConnections;
  /** The config repo's history, to tell what a revision a controller reports carries. */
  graph: CommitGraph;
  /** The commit the promotion reads the source overlays at, and the folder that holds its files. */
  sourceCommit: string;
  sourceRoot: string;
  /** The promoted apps' pins in the source, whose files carry images too. */
  sourcePins?: readonly Pin[];
  now: number;
}

/** Reads what the gates need (the source's controllers only when a gate asks about them) and judges every gate. */
export async function evaluateGates(promoted: readonly PromotedApp[], context: GateContext): Promise<GateVerdict> {
  return core.group(`Promotion gates of ${context.target.name}`, async () => {
    let observations: SourceObservation[] = [];
    if (needsControllers(context.gates)) {
      observations = await observeSource(promoted, {
        source: context.source,
        apps: context.apps,
        settings: context.settings,
        connections: context.connections,
        images: new CarriedImages(context.graph, context.sourceCommit, context.sourceRoot, context.sourcePins),
        where: context.graph.where,
        now: context.now,
      });
      for (const seen of observations) core.info(`${context.source.name} · ${describeObservation(seen)}`);
    }
    const verdict = judgeGates({ gates: context.gates, source: context.source.name, observations, now: context.now });
    for (const gate of verdict.gates) core.info(`${gate.gate}: ${gate.state} · ${gate.reason}`);
    return verdict;
  });
}
