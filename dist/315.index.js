export const id = 315;
export const ids = [315,408];
export const modules = {

/***/ 80408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FluxClient: () => (/* binding */ FluxClient),
/* harmony export */   FluxTransientError: () => (/* binding */ FluxTransientError)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88179);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _validate_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49034);
/* harmony import */ var _flux_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(15674);







/** A failure worth retrying within the deadline: 5xx, 429, a reset or refused connection. */
class FluxTransientError extends Error {
}
/**
 * The Kubernetes API as far as Flux objects go, through @kubernetes/client-node
 * (which brings kubeconfig auth: tokens, client certificates, exec plugins).
 * Loaded only on the Flux path: client-node needs Node 22 or later.
 */
class FluxClient {
    lib;
    config;
    api;
    cleanup;
    requestCount = 0;
    constructor(lib, config, api, cleanup) {
        this.lib = lib;
        this.config = config;
        this.api = api;
        this.cleanup = cleanup;
    }
    static async open(inputs) {
        const lib = await __webpack_require__.e(/* import() */ 655).then(__webpack_require__.bind(__webpack_require__, 29655));
        const config = new lib.KubeConfig();
        let cleanup = async () => undefined;
        if (inputs.kubeconfig) {
            (0,_validate_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__/* .maskKubeconfig */ .C)(inputs.kubeconfig);
            // A file, not a string: exec plugins and relative certificate paths are resolved against its folder.
            const folder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'gitops-promote-kube-'));
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, 'kubeconfig');
            cleanup = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(folder, { recursive: true, force: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, inputs.kubeconfig, { mode: 0o600 });
            try {
                config.loadFromFile(file);
            }
            catch (error) {
                await cleanup();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `is not a valid kubeconfig (${error.message.split('\n')[0]}).`);
            }
        }
        else {
            config.loadFromDefault();
        }
        if (inputs.context) {
            if (!config.getContextObject(inputs.context)) {
                await cleanup();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kube-context', `'${inputs.context}' is not a context of the kubeconfig.`);
            }
            config.setCurrentContext(inputs.context);
        }
        if (!config.getCurrentCluster()) {
            await cleanup();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', 'no cluster to talk to: pass kubeconfig (a secret) or set KUBECONFIG on the runner.');
        }
        return new FluxClient(lib, config, config.makeApiClient(lib.CustomObjectsApi), cleanup);
    }
    get server() {
        return this.config.getCurrentCluster()?.server ?? 'the cluster';
    }
    async get(ref) {
        const { group, version, plural } = _flux_types_js__WEBPACK_IMPORTED_MODULE_6__/* .FLUX_RESOURCES */ .iS[ref.kind];
        return (await this.call(ref, 'get', () => this.api.getNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name })));
    }
    /** Sets `reconcile.fluxcd.io/requestedAt`, as `flux reconcile` does. */
    async requestReconcile(ref, requestedAt) {
        const { group, version, plural } = _flux_types_js__WEBPACK_IMPORTED_MODULE_6__/* .FLUX_RESOURCES */ .iS[ref.kind];
        const body = { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': requestedAt } } };
        const mergePatch = this.lib.setHeaderOptions('Content-Type', this.lib.PatchStrategy.MergePatch);
        await this.call(ref, 'patch', () => this.api.patchNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name, body }, mergePatch));
    }
    /** Watches one object from `resourceVersion`; returns a stop function. */
    async watch(ref, resourceVersion, handlers) {
        const { group, version, plural } = _flux_types_js__WEBPACK_IMPORTED_MODULE_6__/* .FLUX_RESOURCES */ .iS[ref.kind];
        const path = `/apis/${group}/${version}/namespaces/${ref.namespace}/${plural}`;
        const query = { fieldSelector: `metadata.name=${ref.name}`, allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) };
        this.requestCount++;
        const controller = await new this.lib.Watch(this.config).watch(path, query, (type, object) => handlers.onEvent(type, object), (error) => handlers.onEnd(error));
        return () => controller.abort();
    }
    close() {
        return this.cleanup();
    }
    async call(ref, verb, request) {
        this.requestCount++;
        try {
            return await request();
        }
        catch (error) {
            throw this.describe(error, ref, verb);
        }
    }
    describe(error, ref, verb) {
        const status = error.code;
        const label = `${ref.kind} ${ref.namespace}/${ref.name}`;
        if (typeof status !== 'number') {
            const message = error.message ?? String(error);
            if (/certificate|self[- ]signed|CERT_|TLS|SSL/i.test(message))
                return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `TLS error talking to ${this.server}: ${message.split('\n')[0]}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`${label}: ${message}`);
            return new FluxTransientError(`no answer from ${this.server} (${message.split('\n')[0]})`);
        }
        const serverMessage = statusMessage(error.body);
        if (status === 401)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${this.server} refused the credentials (401 ${serverMessage || 'Unauthorized'}).`);
        if (status === 403) {
            const input = verb === 'patch' ? 'flux-reconcile' : 'flux-name';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, `forbidden: ${serverMessage || `may not ${verb} ${label}`} (the kubeconfig's user needs get, list, watch${verb === 'patch' ? ' and patch' : ''} on ${_flux_types_js__WEBPACK_IMPORTED_MODULE_6__/* .FLUX_RESOURCES */ .iS[ref.kind].plural}.${_flux_types_js__WEBPACK_IMPORTED_MODULE_6__/* .FLUX_RESOURCES */ .iS[ref.kind].group}).`);
        }
        if (status === 404)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(ref.kind === 'GitRepository' || ref.kind === 'OCIRepository' ? 'flux-reconcile' : 'flux-name', `${label} does not exist (404 ${serverMessage}).`);
        if (status >= 500 || status === 429)
            return new FluxTransientError(`${this.server} answered ${status} ${serverMessage}`);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('flux-name', `${label}: the API server answered ${status} ${serverMessage}.`);
    }
}
function statusMessage(body) {
    try {
        const parsed = typeof body === 'string' ? JSON.parse(body) : body;
        return parsed?.message ?? '';
    }
    catch {
        return String(body).slice(0, 120);
    }
}


/***/ }),

/***/ 13315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openFluxWaiter: () => (/* binding */ openFluxWaiter)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(88179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/controllers/backoff.ts
var controllers_backoff = __webpack_require__(93845);
// EXTERNAL MODULE: ./src/controllers/flux/flux-client.ts
var flux_client = __webpack_require__(80408);
// EXTERNAL MODULE: ./src/controllers/wait-types.ts
var wait_types = __webpack_require__(83752);
// EXTERNAL MODULE: ./src/controllers/flux/flux-types.ts
var flux_types = __webpack_require__(15674);
;// CONCATENATED MODULE: ./src/controllers/flux/judge-flux-object.ts


/** Ready=False reasons that mean the attempted revision will not become ready on its own. */
const FAILURE_REASONS = new Set([
    'ArtifactFailed', 'BuildFailed', 'HealthCheckFailed', 'ReconciliationFailed', 'PruneFailed', 'InvalidCELExpression', 'AccessDenied',
    'InstallFailed', 'UpgradeFailed', 'TestFailed', 'RollbackSucceeded', 'RollbackFailed', 'UninstallSucceeded', 'UninstallFailed', 'InitFailed',
    'GetLastReleaseFailed', 'ArtifactNotReady', 'ValuesError', 'RetriesExceeded',
]);
/**
 * Judges a Flux Kustomization or HelmRelease against the expected commit:
 * done when Ready=True for the current generation and the applied revision is
 * the commit or a descendant. Failures are read from the attempted revision,
 * as the applied one stays at the last healthy commit. No I/O.
 */
function judgeFluxObject(object, expectation) {
    const conditions = object.status?.conditions ?? [];
    const ready = condition(conditions, 'Ready');
    const sync = ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'Ready=Unknown';
    const isHelm = object.kind === 'HelmRelease';
    const applied = (0,flux_types/* commitOfRevision */.YL)(object.status?.lastAppliedRevision);
    const attempted = (0,flux_types/* commitOfRevision */.YL)(object.status?.lastAttemptedRevision);
    const revision = isHelm ? (object.status?.lastAttemptedRevision ?? '') : (applied ?? object.status?.lastAppliedRevision ?? '');
    const health = healthOf(object, conditions);
    const base = { sync, health, revision, lookup: [] };
    const waiting = (message) => ({ ...base, state: 'waiting', message });
    const failed = (message) => ({ ...base, state: 'failed', message });
    const lookup = [applied, attempted].filter((sha) => sha !== undefined && (0,wait_types/* relationOf */.K)(sha, expectation.knowledge) === undefined);
    if (lookup.length > 0)
        return { ...waiting(`checking whether ${lookup.map(wait_types/* shortSha */.F).join(', ')} contains ${(0,wait_types/* shortSha */.F)(expectation.knowledge.expected)}`), lookup: [...new Set(lookup)] };
    const stalled = condition(conditions, 'Stalled');
    if (stalled?.status === 'True')
        return failed(`Stalled${stalled.reason ? ` (${stalled.reason})` : ''}: ${stalled.message ?? 'no message'}`);
    if (object.spec?.suspend)
        return waiting('suspended (spec.suspend: true): Flux will not apply anything');
    const current = object.status?.observedGeneration === object.metadata.generation;
    const attemptedRelation = attempted ? (0,wait_types/* relationOf */.K)(attempted, expectation.knowledge) : undefined;
    const aboutExpected = isHelm ? current : attemptedRelation === 'same' || attemptedRelation === 'newer';
    if (ready?.status === 'False' && FAILURE_REASONS.has(ready.reason ?? '') && aboutExpected) {
        return failed(`${ready.reason}: ${ready.message ?? 'no message'}`);
    }
    const appliedRelation = applied ? (0,wait_types/* relationOf */.K)(applied, expectation.knowledge) : undefined;
    if (appliedRelation === 'unrelated' && (!attempted || attemptedRelation === 'unrelated')) {
        return failed(`applied ${(0,wait_types/* shortSha */.F)(applied)}, which does not contain ${(0,wait_types/* shortSha */.F)(expectation.knowledge.expected)}: the branch moved on without it`);
    }
    const readyNow = ready?.status === 'True' && current && (ready.observedGeneration === undefined || ready.observedGeneration === object.metadata.generation);
    if (expectation.requestedAt && object.status?.lastHandledReconcileAt !== expectation.requestedAt) {
        return waiting('the reconcile request has not been handled yet');
    }
    if (isHelm) {
        if (!readyNow)
            return waiting(ready?.message ?? 'not ready');
        return { ...base, state: 'done', message: ready.message ?? 'Ready', note: 'a HelmRelease reports chart versions, not config-repo commits: judged on Ready for the current generation' };
    }
    if (appliedRelation !== 'same' && appliedRelation !== 'newer') {
        const at = applied ? `applied ${(0,wait_types/* shortSha */.F)(applied)}` : 'nothing applied yet';
        return waiting(`${at}, waiting for ${(0,wait_types/* shortSha */.F)(expectation.knowledge.expected)}${ready?.message ? ` (${ready.message})` : ''}`);
    }
    if (!readyNow)
        return waiting(ready?.message ?? (current ? 'not ready' : 'status is older than the spec (observedGeneration)'));
    if (health === 'Applied') {
        return { ...base, state: 'done', message: ready.message ?? 'Ready', note: 'no spec.wait or spec.healthChecks: Ready means applied, not healthy' };
    }
    return { ...base, state: 'done', message: ready.message ?? 'Ready' };
}
function condition(conditions, type) {
    return conditions.find((candidate) => candidate.type === type);
}
/** `Healthy` when Flux checks health (wait / healthChecks / HelmRelease), `Applied` when Ready only means applied. */
function healthOf(object, conditions) {
    const ready = condition(conditions, 'Ready');
    const checksHealth = object.kind === 'HelmRelease' || object.spec?.wait === true || (object.spec?.healthChecks?.length ?? 0) > 0;
    const healthy = condition(conditions, 'Healthy');
    if (ready?.status === 'True')
        return checksHealth ? 'Healthy' : 'Applied';
    if (healthy?.status === 'False' || ready?.reason === 'HealthCheckFailed')
        return 'Degraded';
    if (ready?.status === 'Unknown' || condition(conditions, 'Reconciling')?.status === 'True')
        return 'Progressing';
    return ready?.status === 'False' ? 'Degraded' : 'Unknown';
}

;// CONCATENATED MODULE: ./src/controllers/flux/watch-flux-object.ts





const FIRST_ANSWER_MS = 15_000;
async function openFluxWaiter(inputs) {
    const client = await flux_client.FluxClient.open(inputs);
    return { waitFor: (target, options) => new FluxFollower(client, target, options).run(), close: () => client.close() };
}
/**
 * Follows one Flux object through the Kubernetes watch API until it applied
 * the expected commit and is ready, or failed. A watch that ends is resumed
 * from the last resourceVersion; an expired one (410) starts from a fresh GET.
 */
class FluxFollower {
    client;
    options;
    last = { state: 'waiting', sync: 'Unknown', health: 'Unknown', revision: '', message: 'no answer yet' };
    requestedAt;
    resourceVersion;
    ref;
    constructor(client, target, options) {
        this.client = client;
        this.options = options;
        this.ref = { kind: target.kind, name: target.name, namespace: target.namespace };
    }
    async run() {
        const { signal } = this.options;
        const first = await this.firstAnswer(signal);
        if (!first)
            return this.last;
        if (this.options.reconcile)
            await this.requestReconcile(first);
        if (await this.observe(first))
            return this.last;
        const backoff = new controllers_backoff/* Backoff */.n(500, 10_000, 2);
        while (!signal.aborted) {
            const ended = await this.watchOnce();
            if (this.last.state !== 'waiting' || signal.aborted)
                return this.last;
            if (ended === 'expired')
                this.resourceVersion = undefined;
            await (0,controllers_backoff/* sleep */.y)(ended === 'clean' ? 0 : backoff.next(), signal);
            // Catch up with a GET after a broken watch: events between the break and the new watch are not replayed when expired.
            const current = await this.client.get(this.ref).catch((error) => (error instanceof flux_client.FluxTransientError ? undefined : Promise.reject(error)));
            if (current && (await this.observe(current)))
                return this.last;
        }
        return this.last;
    }
    async firstAnswer(signal) {
        const giveUp = Date.now() + FIRST_ANSWER_MS;
        const backoff = new controllers_backoff/* Backoff */.n(500, 4000, 2);
        for (;;) {
            try {
                return await this.client.get(this.ref);
            }
            catch (error) {
                if (signal.aborted)
                    return undefined;
                if (!(error instanceof flux_client.FluxTransientError))
                    throw error;
                if (Date.now() >= giveUp)
                    throw new errors/* InputError */.dz('kubeconfig', `${error.message}; is the cluster reachable from the runner?`);
                await (0,controllers_backoff/* sleep */.y)(backoff.next(), signal);
            }
        }
    }
    /** One watch, until it ends, the object is judged, or the signal aborts. */
    watchOnce() {
        return new Promise((resolve, reject) => {
            let stop;
            let settled = false;
            let queue = Promise.resolve();
            const finish = (how) => {
                if (settled)
                    return;
                settled = true;
                this.options.signal.removeEventListener('abort', onAbort);
                stop?.();
                queue.then(() => resolve(how), reject);
            };
            const onAbort = () => finish('clean');
            this.options.signal.addEventListener('abort', onAbort, { once: true });
            this.client
                .watch(this.ref, this.resourceVersion, {
                onEvent: (type, object) => {
                    if (type === 'ERROR')
                        return finish('expired');
                    if (object?.metadata?.resourceVersion)
                        this.resourceVersion = object.metadata.resourceVersion;
                    if (type === 'BOOKMARK')
                        return;
                    if (type === 'DELETED') {
                        this.last = { ...this.last, state: 'failed', message: `${this.ref.kind} was deleted while waiting` };
                        return finish('clean');
                    }
                    // Events are judged one at a time, in order; the ancestry lookups in between are async.
                    queue = queue.then(async () => {
                        if (!settled && (await this.observe(object)))
                            finish('clean');
                    });
                },
                onEnd: (error) => {
                    if (error)
                        core/* debug */.Yz(`${this.ref.kind}/${this.ref.name}: watch ended: ${error.message ?? error}`);
                    finish(error ? 'broken' : 'clean');
                },
            })
                .then((abort) => {
                stop = abort;
                if (settled)
                    abort();
            }, () => finish('broken'));
        });
    }
    /** Judges the object; true once it is done or failed. */
    async observe(object) {
        if (object.metadata?.resourceVersion)
            this.resourceVersion = object.metadata.resourceVersion;
        let judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
        if (judgement.lookup.length > 0) {
            await this.options.ancestry.learn(judgement.lookup);
            judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
        }
        const { lookup: _lookup, ...status } = judgement;
        this.last = status;
        this.options.report(status);
        return status.state !== 'waiting';
    }
    /** The source first (as --with-source), so the object reconciles against the new commit. */
    async requestReconcile(object) {
        const requestedAt = new Date().toISOString();
        const source = object.spec?.sourceRef ?? object.spec?.chartRef;
        if (source && (source.kind === 'GitRepository' || source.kind === 'OCIRepository')) {
            await this.client.requestReconcile({ kind: source.kind, name: source.name, namespace: source.namespace ?? this.ref.namespace }, requestedAt);
        }
        await this.client.requestReconcile(this.ref, requestedAt);
        this.requestedAt = requestedAt;
        core/* info */.pq(`${this.ref.kind}/${this.ref.namespace}/${this.ref.name}: reconcile requested${source ? ` (with source ${source.kind}/${source.name})` : ''}.`);
    }
}


/***/ })

};
