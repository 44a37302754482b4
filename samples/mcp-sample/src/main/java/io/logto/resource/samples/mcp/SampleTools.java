package io.logto.resource.samples.mcp;

import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.stereotype.Component;

/** The sample's MCP tools; each names the Logto scopes it needs with the starter's annotations. */
@Component
class SampleTools {

    /** A report. */
    record Report(String title) {
    }

    /** A project of an organization. */
    record Project(String organizationId, String name) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>(List.of(new Report("Quarterly numbers")));

    // tag::tools[]
    @McpTool(name = "list_reports", description = "Lists the reports.")
    @RequireScopes("read:report")
    List<Report> listReports() {
        return List.copyOf(reports);
    }

    @McpTool(name = "create_report", description = "Creates a report.")
    @RequireScopes("write:report")
    Report createReport(@McpToolParam(description = "The report's title") String title) {
        Report report = new Report(title);
        reports.add(report);
        return report;
    }

    // an organization-level API token whose organization_id is the tool argument orgId
    @McpTool(name = "list_projects", description = "Lists the projects of an organization.")
    @RequireOrganizationApiScopes(value = "read:project", organizationIdFrom = "orgId")
    List<Project> listProjects(@McpToolParam(description = "The organization id") String orgId) {
        return List.of(new Project(orgId, "Website"), new Project(orgId, "Mobile app"));
    }
    // end::tools[]
}
