package io.kubelab.apiserver.openapi;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model class of the Kubernetes Java client ({@code io.kubernetes:client-java-api}), read from its class
 * file without loading it: the client generates these classes from Kubernetes' own OpenAPI spec and keeps the
 * upstream descriptions in Swagger annotations ({@code @ApiModel(description)} on the class,
 * {@code @ApiModelProperty(value, required)} on each getter). Reading the bytes spares us the client's runtime
 * dependencies (Gson, OkHttp) and the metaspace of hundreds of classes we never instantiate.
 *
 * @param description the type's description ("" when the spec has none)
 * @param properties  its JSON properties in declaration order (the generator writes them sorted)
 */
record ModelClass(String description, List<Property> properties) {

    static final String MODELS = "io/kubernetes/client/openapi/models/";

    private static final String API_MODEL = "Lio/swagger/annotations/ApiModel;";
    private static final String API_MODEL_PROPERTY = "Lio/swagger/annotations/ApiModelProperty;";
    private static final String SERIALIZED_NAME = "Lcom/google/gson/annotations/SerializedName;";
    private static final int ACC_STATIC = 0x0008;

    /** One JSON property: its serialised name, Java generic signature, description and whether it is required. */
    record Property(String name, String signature, String description, boolean required) {
    }

    /** The model class {@code simpleName} ({@code V1PodSpec}), if the client has it. */
    static Optional<ModelClass> read(String simpleName) {
        try (InputStream in = ModelClass.class.getClassLoader().getResourceAsStream(MODELS + simpleName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(parse(new DataInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the model class " + simpleName, e);
        }
    }

    private static ModelClass parse(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readInt(); // minor, major
        Object[] pool = readPool(in);
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces

        List<String[]> fields = new ArrayList<>(); // {java name, signature, json name}
        int fieldCount = in.readUnsignedShort();
        for (int i = 0; i < fieldCount; i++) {
            int access = in.readUnsignedShort();
            String name = (String) pool[in.readUnsignedShort()];
            String signature = (String) pool[in.readUnsignedShort()];
            Map<String, Map<String, Object>> annotations = new HashMap<>();
            signature = readAttributes(in, pool, annotations, signature);
            Map<String, Object> serialized = annotations.get(SERIALIZED_NAME);
            if ((access & ACC_STATIC) == 0 && serialized != null) {
                fields.add(new String[]{name, signature, (String) serialized.get("value")});
            }
        }

        Map<String, Map<String, Object>> getters = new HashMap<>();
        int methodCount = in.readUnsignedShort();
        for (int i = 0; i < methodCount; i++) {
            in.readUnsignedShort();
            String name = (String) pool[in.readUnsignedShort()];
            in.readUnsignedShort();
            Map<String, Map<String, Object>> annotations = new HashMap<>();
            readAttributes(in, pool, annotations, "");
            Map<String, Object> property = annotations.get(API_MODEL_PROPERTY);
            if (property != null) {
                getters.put(name, property);
            }
        }
        Map<String, Map<String, Object>> classAnnotations = new HashMap<>();
        readAttributes(in, pool, classAnnotations, "");

        List<Property> properties = new ArrayList<>(fields.size());
        for (String[] field : fields) {
            Map<String, Object> property = getters.getOrDefault(getter(field[0]), Map.of());
            properties.add(new Property(field[2], field[1], (String) property.getOrDefault("value", ""),
                    Integer.valueOf(1).equals(property.get("required"))));
        }
        Map<String, Object> model = classAnnotations.getOrDefault(API_MODEL, Map.of());
        return new ModelClass((String) model.getOrDefault("description", ""), List.copyOf(properties));
    }

    /** The generator's getter for a field: {@code _continue} → {@code getContinue}. */
    private static String getter(String field) {
        String bare = field.startsWith("_") ? field.substring(1) : field;
        return "get" + Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
    }

    private static Object[] readPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two slots
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return pool;
    }

    /** Reads an attribute table, collecting runtime-visible annotations; returns the Signature if present. */
    private static String readAttributes(DataInputStream in, Object[] pool,
                                         Map<String, Map<String, Object>> annotations, String signature)
            throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String name = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if ("Signature".equals(name)) {
                signature = (String) pool[in.readUnsignedShort()];
            } else if ("RuntimeVisibleAnnotations".equals(name)) {
                int n = in.readUnsignedShort();
                for (int a = 0; a < n; a++) {
                    readAnnotation(in, pool, annotations);
                }
            } else {
                in.skipNBytes(length);
            }
        }
        return signature;
    }

    private static void readAnnotation(DataInputStream in, Object[] pool,
                                       Map<String, Map<String, Object>> into) throws IOException {
        String type = (String) pool[in.readUnsignedShort()];
        int pairs = in.readUnsignedShort();
        Map<String, Object> values = new HashMap<>();
        for (int p = 0; p < pairs; p++) {
            String key = (String) pool[in.readUnsignedShort()];
            Object value = readElement(in, pool);
            if (value != null) {
                values.put(key, value);
            }
        }
        into.put(type, values);
    }

    /** An annotation element; constants are kept, nested and array values are skipped. */
    private static Object readElement(DataInputStream in, Object[] pool) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's' -> {
                return pool[in.readUnsignedShort()];
            }
            case 'e' -> in.skipNBytes(4);
            case 'c' -> in.skipNBytes(2);
            case '@' -> readAnnotation(in, pool, new HashMap<>());
            case '[' -> {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    readElement(in, pool);
                }
            }
            default -> throw new IOException("unknown annotation element tag " + (char) tag);
        }
        return null;
    }
}
