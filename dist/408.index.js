export const id = 408;
export const ids = [408];
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


/***/ })

};
