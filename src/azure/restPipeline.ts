// The SDK's transport module, loaded on first use (not at activation) and then kept: item lists
// send dozens of requests at once, and an import() per request is a needless round through the
// module loader each time.
type RestPipeline = typeof import('@azure/core-rest-pipeline');

let loading: Promise<RestPipeline> | undefined;

export function restPipeline(): Promise<RestPipeline> {
  return (loading ??= import('@azure/core-rest-pipeline'));
}
