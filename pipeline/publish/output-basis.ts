import { createHash } from 'node:crypto';
import { COMMUNITY_MEASURES, GAPS, GROUPS, INDICATORS } from '../../contract/indicators.ts';
import { codeFingerprint } from './code-fingerprint.ts';

/**
 * What besides the inbox decides every model row and shard byte: the settings hash, the registry
 * version, the indicator catalogue (it lives outside pipeline/) and the pipeline's own code. Earlier
 * models and shards are reused only on the same basis.
 */
export async function outputBasis(settings: string, registry: string | undefined): Promise<string> {
  return createHash('sha256')
    .update(
      JSON.stringify([
        settings,
        registry ?? null,
        INDICATORS,
        COMMUNITY_MEASURES,
        GROUPS,
        GAPS,
        await codeFingerprint(),
      ]),
    )
    .digest('hex');
}
