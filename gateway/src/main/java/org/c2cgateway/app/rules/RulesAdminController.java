package org.c2cgateway.app.rules;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.RuleSetLoad;

/**
 * The operator's handle on rule file changes: lint the files as they are on disk (operators), and put them in
 * force now rather than at the next poll (admins). Files that fail lint are never put in force.
 */
@Controller("/api/v1/admin/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesAdminController {

    private final RuleFiles files;
    private final RuleReload reload;

    public RulesAdminController(RuleFiles files, RuleReload reload) {
        this.files = files;
        this.reload = reload;
    }

    @Operation(summary = "Lint the agreement files as they are on disk now, without putting them in force")
    @Get(uri = "/lint", produces = MediaType.APPLICATION_JSON)
    public Lint lint() {
        RuleSetLoad load = files.load();
        return new Lint(files.directory().toString(),
                (int) load.ruleSet().all().stream().map(Agreement::file).distinct().count(),
                load.ruleSet().all().size(), load.clean(), RulesView.Finding.all(load.findings()),
                RulesView.Finding.lines(load.findings()));
    }

    @Operation(summary = "Read and lint the agreement files now, and put them in force if they are clean")
    @ApiResponse(responseCode = "200", description = "Put in force; the versions now in force today",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reloaded.class)))
    @ApiResponse(responseCode = "422", description = "Refused: every lint finding, and the versions still in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reloaded.class)))
    @Post(uri = "/reload", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Reloaded> reload() {
        RulesReloaded outcome = reload.reload();
        Reloaded answer = new Reloaded(outcome.applied(), RulesView.inForce(outcome.inForce(), LocalDate.now()),
                RulesView.Finding.all(outcome.findings()), RulesView.Finding.lines(outcome.findings()));
        return outcome.applied() ? HttpResponse.ok(answer) : HttpResponse.unprocessableEntity().body(answer);
    }

    /**
     * Lint's verdict on the files on disk.
     *
     * @param files    agreement files read
     * @param versions agreement versions they hold
     * @param clean    no findings: a reload would put them in force
     * @param problems the findings as {@code file:line: field: problem}
     */
    @Serdeable
    public record Lint(String directory, int files, int versions, boolean clean, List<RulesView.Finding> findings,
                       List<String> problems) {
    }

    /**
     * A reload's outcome.
     *
     * @param applied  whether the files were put in force
     * @param inForce  the versions in force today after it (still the previous ones when refused)
     * @param problems the findings as {@code file:line: field: problem}
     */
    @Serdeable
    public record Reloaded(boolean applied, List<RulesView.Version> inForce, List<RulesView.Finding> findings,
                           List<String> problems) {
    }
}
