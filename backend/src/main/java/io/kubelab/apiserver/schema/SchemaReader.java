package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns fabric8's model classes into {@link GoType}s: every field carrying {@code @JsonProperty} is a JSON
 * field of the Go struct. fabric8 generates its classes from the Go types, so Java {@code Integer} is
 * Go {@code int32}, {@code Long} is {@code int64}, {@code Object} is a free-form value
 * ({@code runtime.RawExtension}); what Java cannot carry (named types, {@code metav1.Time}, {@code []byte})
 * comes from {@link GoNames} (fabric8 types {@code metav1.Time} as {@code String}, and Lease's
 * {@code MicroTime}s as {@code ZonedDateTime}). Not thread-safe: used once, under the class initialisation of {@link Schemas}.
 */
final class SchemaReader {

    private static final Pattern VERSION = Pattern.compile("v[0-9]+((alpha|beta)[0-9]*)?");
    private static final GoType STRING = new GoType.Scalar(GoType.ScalarKind.STRING, "string");
    private static final GoType RAW = new GoType.Custom(GoType.CustomKind.RAW, "runtime.RawExtension");

    private final Map<Class<?>, GoType.Struct> structs = new HashMap<>();

    GoType.Struct struct(Class<?> type) {
        GoType.Struct known = structs.get(type);
        if (known != null) {
            return known;
        }
        GoType.Struct struct = new GoType.Struct(type.getSimpleName(), goPackage(type));
        structs.put(type, struct);
        Map<String, GoType> fields = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String json = property.value().isEmpty() ? field.getName() : property.value();
            fields.put(json, type(field.getGenericType(), struct.name(), json));
        }
        struct.setFields(fields);
        return struct;
    }

    int structCount() {
        return structs.size();
    }

    private GoType type(Type type, String struct, String field) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return new GoType.ListOf(type(args[0], struct, field));
            }
            if (Map.class.isAssignableFrom(raw)) {
                GoType value = type(args[1], struct, field);
                // Every string-to-Quantity map of the API is a core/v1 ResourceList.
                String name = args[1] == Quantity.class ? "v1.ResourceList" : "map[string]" + value.goName();
                return new GoType.MapOf(value, name);
            }
            return RAW;
        }
        if (!(type instanceof Class<?> c)) {
            return RAW;
        }
        if (c == String.class || c == ZonedDateTime.class) {
            return string(struct, field);
        }
        if (c == Boolean.class || c == boolean.class) {
            return new GoType.Scalar(GoType.ScalarKind.BOOL, "bool");
        }
        if (c == Integer.class || c == int.class) {
            return new GoType.Scalar(GoType.ScalarKind.INT32, "int32");
        }
        if (c == Long.class || c == long.class) {
            return new GoType.Scalar(GoType.ScalarKind.INT64, "int64");
        }
        if (c == Double.class || c == double.class) {
            return new GoType.Scalar(GoType.ScalarKind.FLOAT64, "float64");
        }
        if (c == IntOrString.class) {
            return new GoType.Custom(GoType.CustomKind.INT_OR_STRING, "intstr.IntOrString");
        }
        if (c == Quantity.class) {
            return new GoType.Custom(GoType.CustomKind.QUANTITY, "resource.Quantity");
        }
        if (c == MicroTime.class) {
            return new GoType.Custom(GoType.CustomKind.MICRO_TIME, "v1.MicroTime");
        }
        if (c == io.fabric8.kubernetes.api.model.Duration.class) {
            return new GoType.Scalar(GoType.ScalarKind.STRING, "v1.Duration");
        }
        // metav1.FieldsV1 holds raw JSON (managedFields' field sets), decoded by nobody on the way in.
        if (c.isInterface() || c == Object.class || c.getName().endsWith(".RawExtension")
                || c.getSimpleName().equals("FieldsV1") || !c.getName().startsWith("io.fabric8.")) {
            return RAW;
        }
        return struct(c);
    }

    private static GoType string(String struct, String field) {
        if (GoNames.time(struct, field)) {
            return new GoType.Custom(GoType.CustomKind.TIME, "v1.Time");
        }
        if (GoNames.microTime(struct, field)) {
            return new GoType.Custom(GoType.CustomKind.MICRO_TIME, "v1.MicroTime");
        }
        if (GoNames.bytes(struct, field)) {
            return new GoType.Scalar(GoType.ScalarKind.BYTES, "[]uint8");
        }
        return GoNames.named(struct, field).<GoType>map(n -> new GoType.Scalar(GoType.ScalarKind.STRING, n))
                .orElse(STRING);
    }

    /** The Go package name a struct prints with: its API version ({@code v1}, {@code v2}); meta/v1 is {@code v1}. */
    private static String goPackage(Class<?> type) {
        String pkg = type.getPackageName();
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        return VERSION.matcher(last).matches() ? last : "v1";
    }
}
