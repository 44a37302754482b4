package io.logto.resource.spring.mcp.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response to a request containing {@code tools/list}: removes from the listed tools those the caller's
 * token may not call. Works on the streamable-HTTP answer as it is written, event by event for
 * {@code text/event-stream} (each complete event is rewritten and passed on at once, so streaming and flushes
 * keep working) and as a whole for a JSON body. Anything that is not the result of one of the request's
 * {@code tools/list} ids passes unchanged.
 */
final class ToolListResponse extends HttpServletResponseWrapper {

    private final Set<String> listIds;
    private final Predicate<String> visible;
    private FilteringStream stream;
    private PrintWriter writer;

    /**
     * Wraps a response.
     *
     * @param response the response
     * @param listIds  the JSON ids (in JSON form) of the request's {@code tools/list} messages
     * @param visible  whether a tool name stays in the list
     */
    ToolListResponse(HttpServletResponse response, Set<String> listIds, Predicate<String> visible) {
        super(response);
        this.listIds = listIds;
        this.visible = visible;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new FilteringStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    // the body's length changes: let the container send it chunked
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.flush();
        }
        super.flushBuffer();
    }

    /**
     * Passes on what is still held (a JSON body, an unterminated event); called once the request's processing
     * returned without going asynchronous.
     *
     * @throws IOException when the response cannot be written
     */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.finish();
        }
    }

    private boolean isEventStream() {
        String type = getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }

    /** Rewrites one JSON-RPC message (or batch) when it answers one of the listing ids; null when unchanged. */
    String rewrite(String json) {
        JsonNode root;
        try {
            root = McpMessages.JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
        boolean changed = false;
        if (root instanceof ArrayNode batch) {
            for (JsonNode element : batch) {
                changed |= filter(element);
            }
        } else {
            changed = filter(root);
        }
        return changed ? McpMessages.JSON.writeValueAsString(root) : null;
    }

    private boolean filter(JsonNode message) {
        JsonNode id = message == null ? null : message.get("id");
        if (id == null || !listIds.contains(id.toString())) {
            return false;
        }
        JsonNode tools = message.path("result").get("tools");
        if (!(tools instanceof ArrayNode list)) {
            return false;
        }
        boolean changed = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode name = list.get(i) instanceof ObjectNode tool ? tool.get("name") : null;
            if (name == null || !name.isString() || !visible.test(name.asString())) {
                list.remove(i);
                changed = true;
            }
        }
        return changed;
    }

    /** Holds bytes until an event (or the whole JSON body) is complete, then passes it on rewritten. */
    private final class FilteringStream extends ServletOutputStream {

        private final ServletOutputStream target;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean finished;

        FilteringStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            held.write(b);
            if (b == '\n') {
                passCompleteEvents();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            held.write(bytes, offset, length);
            passCompleteEvents();
        }

        @Override
        public void flush() throws IOException {
            passCompleteEvents();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
            target.close();
        }

        void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            if (held.size() > 0) {
                String text = held.toString(StandardCharsets.UTF_8);
                held.reset();
                String out = isEventStream() ? rewriteEvent(text) : rewriteOrKeep(text);
                target.write(out.getBytes(StandardCharsets.UTF_8));
            }
            target.flush();
        }

        private void passCompleteEvents() throws IOException {
            if (!isEventStream() || held.size() == 0) {
                return;
            }
            byte[] bytes = held.toByteArray();
            int end = lastBlankLine(bytes);
            if (end < 0) {
                return;
            }
            // "\n\n" is ASCII, so the complete part ends on a character boundary
            String complete = new String(bytes, 0, end + 2, StandardCharsets.UTF_8);
            held.reset();
            held.write(bytes, end + 2, bytes.length - end - 2);
            StringBuilder out = new StringBuilder(complete.length());
            for (String event : complete.split("\n\n", -1)) {
                if (!event.isEmpty()) {
                    out.append(rewriteEvent(event)).append("\n\n");
                }
            }
            target.write(out.toString().getBytes(StandardCharsets.UTF_8));
        }

        private int lastBlankLine(byte[] bytes) {
            for (int i = bytes.length - 2; i >= 0; i--) {
                if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private String rewriteOrKeep(String json) {
            String rewritten = rewrite(json);
            return rewritten == null ? json : rewritten;
        }

        /** One SSE event: its {@code data} lines joined are the JSON-RPC message (RFC: lines joined by LF). */
        private String rewriteEvent(String event) {
            StringBuilder data = new StringBuilder();
            StringBuilder others = new StringBuilder();
            boolean hasData = false;
            for (String line : event.split("\n", -1)) {
                if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                } else if (!line.isEmpty()) {
                    others.append(line).append('\n');
                }
            }
            String rewritten = hasData ? rewrite(data.toString()) : null;
            if (rewritten == null) {
                return event;
            }
            return others + "data:" + rewritten;
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
