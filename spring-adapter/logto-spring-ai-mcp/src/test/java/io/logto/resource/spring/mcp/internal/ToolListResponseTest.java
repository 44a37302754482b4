package io.logto.resource.spring.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ToolListResponseTest {

    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":[{\"name\":\"list_reports\"},"
            + "{\"name\":\"create_report\"},{\"name\":\"list_projects\"}]}}";

    @Test
    void removesTheToolsTheTokenMayNotCallFromAnEventStreamWrittenInPieces() throws Exception {
        MockHttpServletResponse target = new MockHttpServletResponse();
        ToolListResponse response = new ToolListResponse(target, Set.of("7"), "list_reports"::equals);
        response.setContentType("text/event-stream");
        ServletOutputStream out = response.getOutputStream();
        String notification = "event:message\ndata:{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n\n";
        String stream = notification + "id:s\nevent:message\ndata:" + LIST + "\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 5) {
            out.write(bytes, i, Math.min(5, bytes.length - i));
        }
        out.flush();
        assertThat(target.getContentAsString()).isEqualTo(notification + "id:s\nevent:message\ndata:"
                + "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":[{\"name\":\"list_reports\"}]}}\n\n");
    }

    @Test
    void leavesAnswersToOtherIdsUntouchedAndPassesAnEventOnlyWhenComplete() throws Exception {
        MockHttpServletResponse target = new MockHttpServletResponse();
        ToolListResponse response = new ToolListResponse(target, Set.of("8"), name -> false);
        response.setContentType("text/event-stream");
        String event = "event:message\ndata:" + LIST + "\n\n";
        response.getOutputStream().write(event.substring(0, 20).getBytes(StandardCharsets.UTF_8));
        assertThat(target.getContentAsString()).isEmpty();
        response.getOutputStream().write(event.substring(20).getBytes(StandardCharsets.UTF_8));
        assertThat(target.getContentAsString()).isEqualTo(event);
    }

    @Test
    void rewritesAJsonBodyAsAWholeWithoutItsOriginalLength() throws Exception {
        MockHttpServletResponse target = new MockHttpServletResponse();
        ToolListResponse response = new ToolListResponse(target, Set.of("7"), name -> !name.equals("create_report"));
        response.setContentType("application/json");
        response.setContentLength(LIST.length());
        response.getOutputStream().write(LIST.getBytes(StandardCharsets.UTF_8));
        assertThat(target.getContentAsString()).isEmpty();
        response.finish();
        assertThat(target.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":"
                + "[{\"name\":\"list_reports\"},{\"name\":\"list_projects\"}]}}");
        assertThat(target.getHeader("Content-Length")).isNull();
    }
}
