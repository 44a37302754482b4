package io.logto.resource.spring.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-RPC messages of one MCP {@code POST} body, read before the MCP server sees them: a single message
 * or a batch (an array). Duplicate member names are refused, so that this reading and the MCP server's cannot
 * differ. Only what authorization needs is exposed: each message's method, id, tool name and arguments.
 */
public final class McpMessages {

    /** The JSON-RPC method of an MCP tool call. */
    public static final String TOOLS_CALL = "tools/call";
    /** The JSON-RPC method that lists tools. */
    public static final String TOOLS_LIST = "tools/list";
    /** The JSON-RPC method that opens a session. */
    public static final String INITIALIZE = "initialize";

    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<JsonNode> messages;

    private McpMessages(List<JsonNode> messages) {
        this.messages = messages;
    }

    /**
     * Reads a request body.
     *
     * @param body the body bytes
     * @return the messages, or null when the body is not a JSON object or array of objects
     */
    public static McpMessages parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        List<JsonNode> messages = new ArrayList<>();
        if (root != null && root.isObject()) {
            messages.add(root);
        } else if (root != null && root.isArray()) {
            for (JsonNode element : root) {
                if (!element.isObject()) {
                    return null;
                }
                messages.add(element);
            }
        } else {
            return null;
        }
        return new McpMessages(messages);
    }

    /**
     * One JSON-RPC message.
     *
     * @param node the message as read
     */
    public record Message(JsonNode node) {

        /** The method, or empty for responses. */
        public String method() {
            JsonNode method = node.get("method");
            return method != null && method.isString() ? method.asString() : "";
        }

        /** The id as JSON, or null for notifications. */
        public JsonNode id() {
            return node.get("id");
        }

        /** The called tool's name for {@code tools/call}, or null. */
        public String toolName() {
            JsonNode name = node.path("params").get("name");
            return name != null && name.isString() ? name.asString() : null;
        }

        /**
         * A tool argument as text: strings as they are, numbers in their JSON form; null when absent, null or
         * structured.
         *
         * @param name the argument name
         * @return the value, or null
         */
        public String argument(String name) {
            JsonNode value = node.path("params").path("arguments").get(name);
            if (value == null || !(value.isString() || value.isNumber())) {
                return null;
            }
            return value.isString() ? value.asString() : value.toString();
        }
    }

    /** The messages in body order. */
    public List<Message> messages() {
        return messages.stream().map(Message::new).toList();
    }

    /** Whether the body is the single {@code initialize} request that opens a session. */
    public boolean isInitialize() {
        return messages.size() == 1 && INITIALIZE.equals(new Message(messages.get(0)).method());
    }
}
