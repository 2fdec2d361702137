package io.kubelab.apiserver.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * A Go type a JSON value is decoded into, named as Go's {@code reflect.Type.String()} prints it in
 * {@code json: cannot unmarshal ... of type T} ({@code int32}, {@code []v1.Container},
 * {@code map[string]string}, {@code v1.ResourceList}).
 */
public sealed interface GoType permits GoType.Scalar, GoType.ListOf, GoType.MapOf, GoType.Custom, GoType.Struct {

    String goName();

    enum ScalarKind { STRING, BOOL, INT32, INT64, FLOAT64, BYTES }

    /** Types with their own {@code UnmarshalJSON}: their errors are theirs, not the decoder's. */
    enum CustomKind { INT_OR_STRING, QUANTITY, TIME, MICRO_TIME, RAW }

    /** A string, bool, number or {@code []byte} (base64 in JSON), possibly a named type such as {@code v1.Protocol}. */
    record Scalar(ScalarKind kind, String goName) implements GoType {
    }

    record ListOf(GoType element) implements GoType {
        @Override
        public String goName() {
            return "[]" + element.goName();
        }
    }

    /** Always string-keyed in the Kubernetes API; {@code goName} is the map's or its named type's. */
    record MapOf(GoType value, String goName) implements GoType {
    }

    record Custom(CustomKind kind, String goName) implements GoType {
    }

    /**
     * A Go struct: {@code name} is {@code reflect.Type.Name()} (what error messages print before the field
     * path), {@code goName} its qualified form ({@code v1.PodSpec}). Fields are filled once, after
     * construction, so that self-referencing types can be built; never changed afterwards.
     */
    final class Struct implements GoType {
        private final String name;
        private final String goName;
        private Map<String, GoType> fields = Map.of();

        Struct(String name, String goPackage) {
            this.name = name;
            this.goName = goPackage + "." + name;
        }

        void setFields(Map<String, GoType> value) {
            fields = Collections.unmodifiableMap(value);
        }

        public String name() {
            return name;
        }

        @Override
        public String goName() {
            return goName;
        }

        /** JSON field names in declaration order. */
        public Map<String, GoType> fields() {
            return fields;
        }

        public Optional<GoType> field(String json) {
            return Optional.ofNullable(fields.get(json));
        }

        @Override
        public String toString() {
            return goName;
        }
    }
}
