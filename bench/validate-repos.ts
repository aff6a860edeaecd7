/**
 * The config repos validate is measured on: many small overlays (apps × dev/staging/production, each app a base of
 * a Deployment, a Service, a ConfigMap and an HPA), and one large overlay (one base of that many small
 * Deployments, ConfigMaps and Services, mixed). Both are valid: validate must find nothing in them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENVIRONMENTS = ['dev', 'staging', 'production'] as const;

/** Writes `overlays` overlays (apps/<app>/overlays/<environment>, three per app); returns their paths relative to the root. */
export function writeManySmallOverlays(root: string, overlays: number): string[] {
  const written: string[] = [];
  for (let index = 0; written.length < overlays; index++) {
    const app = `app-${String(index).padStart(3, '0')}`;
    writeAppBase(join(root, 'apps', app, 'base'), app);
    for (const environment of ENVIRONMENTS.slice(0, overlays - written.length)) {
      const overlay = join('apps', app, 'overlays', environment);
      mkdirSync(join(root, overlay), { recursive: true });
      writeFileSync(
        join(root, overlay, 'kustomization.yaml'),
        `namespace: ${environment}\nnamePrefix: ${environment}-\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\nimages:\n` +
          `  - name: registry.example.com/${app}\n    newTag: 1.${index % 10}.0\n`,
      );
      writeFileSync(
        join(root, overlay, 'replicas.yaml'),
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: ${environment === 'production' ? 3 : 1}\n`,
      );
      written.push(overlay);
    }
  }
  return written;
}

function writeAppBase(base: string, app: string): void {
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'kustomization.yaml'), 'resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n  - hpa.yaml\n');
  writeFileSync(join(base, 'deployment.yaml'), deployment(app));
  writeFileSync(join(base, 'service.yaml'), service(app));
  writeFileSync(join(base, 'configmap.yaml'), configMap(app));
  writeFileSync(
    join(base, 'hpa.yaml'),
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n` +
      `    kind: Deployment\n    name: ${app}\n  minReplicas: 1\n  maxReplicas: 5\n  metrics:\n    - type: Resource\n      resource:\n` +
      `        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 80\n`,
  );
}

const RESOURCES_PER_FILE = 3;

/**
 * Writes one overlay (overlays/large) of `resources` resources: a base whose files each hold a Deployment, a
 * ConfigMap and a Service of one component, and an overlay that sets a namespace, a name prefix, a label, an
 * image and a patch. Returns the overlay's path relative to the root.
 */
export function writeLargeOverlay(root: string, resources: number): string {
  const base = join(root, 'base');
  mkdirSync(base, { recursive: true });
  const files: string[] = [];
  for (let first = 0; first < resources; first += RESOURCES_PER_FILE) {
    const component = `component-${String(first / RESOURCES_PER_FILE).padStart(4, '0')}`;
    const makers = [deployment, configMap, service].slice(0, Math.min(RESOURCES_PER_FILE, resources - first));
    const file = `${component}.yaml`;
    writeFileSync(join(base, file), makers.map((make) => make(component)).join('---\n'));
    files.push(file);
  }
  writeFileSync(join(base, 'kustomization.yaml'), `resources:\n${files.map((file) => `  - ${file}\n`).join('')}`);
  const overlay = join('overlays', 'large');
  mkdirSync(join(root, overlay), { recursive: true });
  writeFileSync(
    join(root, overlay, 'kustomization.yaml'),
    'namespace: production\nnamePrefix: prod-\nlabels:\n  - pairs:\n      environment: production\nresources:\n  - ../../base\n' +
      'patches:\n  - path: replicas.yaml\nimages:\n  - name: registry.example.com/component-0000\n    newTag: 2.0.0\n',
  );
  writeFileSync(join(root, overlay, 'replicas.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: component-0000\nspec:\n  replicas: 3\n');
  return overlay;
}

function deployment(name: string): string {
  return (
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: 1\n  selector:\n` +
    `    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n` +
    `        - name: ${name}\n          image: registry.example.com/${name}:1.0.0\n          ports:\n            - containerPort: 8080\n` +
    `          envFrom:\n            - configMapRef:\n                name: ${name}\n          resources:\n            requests:\n` +
    `              cpu: 50m\n              memory: 64Mi\n          readinessProbe:\n            httpGet:\n              path: /healthz\n` +
    `              port: 8080\n`
  );
}

function service(name: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
}

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  LOG_LEVEL: info\n`;
}
