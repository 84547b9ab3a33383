import type { ModelVersion } from '../versions/model-version.entity';
import { headline } from '../training/evaluation-report.serializer';

/** A version in lists: what it is, whether it is live and why, and its headline metrics beside the baselines. */
export function modelVersionSummary(v: ModelVersion) {
  return {
    id: v.id, status: v.status, statusReason: v.statusReason, createdAt: v.createdAt, activatedAt: v.activatedAt,
    fusion: v.fusion, alpha: v.alpha, beta: v.beta, backend: v.backend, trigger: v.trigger, jobId: v.jobId,
    dataSnapshotHash: v.dataSnapshotHash, examples: v.exampleCounts, metrics: headline(v.metrics),
  };
}

/** One version in full: evaluation per head and run (with calibration tables), gate decision, artifacts. */
export function modelVersionDetail(v: ModelVersion) {
  return {
    ...modelVersionSummary(v),
    deactivatedAt: v.deactivatedAt, featureList: v.featureList, evaluation: v.metrics, gate: v.gate, training: v.training,
    artifact: { path: v.artifactPath, sha256: v.artifactSha256, format: 'tfjs-layers-model' },
  };
}
