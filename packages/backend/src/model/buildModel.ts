import type { AuthProps } from '../defineAuth.js';
import type { DataProps } from '../defineData.js';
import type { StorageDefinitionProps } from '../defineStorage.js';
import type { BackendRecord, ResourceDefinition } from '../registry.js';
import { registry } from '../registry.js';
import { collectSecretRefs } from '../secret.js';
import { accumulate } from '../outputs/accumulate.js';
import { buildAuthModel } from './authModel.js';
import { buildDataModel } from './dataModel.js';
import { buildStorageModel } from './storageModel.js';
import type { LoadedBackend } from './types.js';

const ofKind = <P>(record: BackendRecord, kind: string) =>
  Object.values(record.resources).filter((r): r is ResourceDefinition<string, P> => r?.kind === kind);

/** The serialisable model of what `defineBackend` recorded. Warnings raised while building are included. */
export function buildBackendModel(record: BackendRecord, entryPoint: string): LoadedBackend {
  const auth = ofKind<AuthProps>(record, 'auth')[0];
  const data = ofKind<DataProps>(record, 'data')[0];
  const storages = ofKind<StorageDefinitionProps>(record, 'storage');
  const model: LoadedBackend = { entryPoint, warnings: [], secretRefs: [] };
  if (auth) model.auth = buildAuthModel(auth.props);
  if (data) model.data = buildDataModel(data.props, Boolean(auth));
  if (storages.length) {
    model.storage = storages.map((s) => buildStorageModel(s.props, storages.length === 1 || Boolean(s.props.isDefault), Boolean(auth)));
  }
  if (record.outputs.length) {
    // JSON round trip: values taken from CDK escape hatches become their placeholder text (and warn).
    const parts = JSON.parse(JSON.stringify(record.outputs)) as Record<string, unknown>[];
    model.customOutputs = parts.reduce((acc, part) => accumulate(acc, part), {} as Record<string, unknown>);
  }
  model.secretRefs = collectSecretRefs(record.resources);
  model.warnings = [...registry().warnings];
  return model;
}
