/**
 * The text form of a Kubernetes resource.Quantity ("500m", "1Gi", "2", "1e3"),
 * from the grammar in k8s.io/apimachinery/pkg/api/resource/quantity.go: a
 * signed decimal number, then a binary-SI suffix, a decimal-SI suffix or an
 * integer exponent. The API server also takes a quantity as a JSON number.
 * The shipped catalog puts it on every quantity field as a `pattern`, and the
 * schema check recognises it to say "not a quantity" rather than print it.
 */
export const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$';
