package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One kind's handler from printers.go's {@code AddHandlers}: its columns and how one object fills a row. */
record Printer(List<Column> columns, Cells cells) {

    @FunctionalInterface
    interface Cells {
        void fill(JsonNode object, Row row);
    }
}
