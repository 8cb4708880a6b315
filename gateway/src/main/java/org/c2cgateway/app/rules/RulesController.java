package org.c2cgateway.app.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.c2cgateway.rules.Explainer;
import org.c2cgateway.rules.Explanation;
import org.c2cgateway.rules.RulesInForce;

/**
 * The operator's view of the agreements: which versions are in force, and a dry run of what they would do with a
 * notification (who would receive it, which elements each would get, what is recognised, and which clause of
 * which version decided each point). Operators and admins; nothing here changes anything.
 */
@Controller("/api/v1/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesController {

    private final RulesInForce rules;
    private final Explainer explainer;

    public RulesController(RulesInForce rules, Explainer explainer) {
        this.rules = rules;
        this.explainer = explainer;
    }

    @Operation(summary = "The agreements held and in force",
            description = "Per partner the agreement version in force today, every version held with its file and "
                    + "dates, and the outcome of the last load of the files (with its lint findings when refused).")
    @Get(produces = MediaType.APPLICATION_JSON)
    public RulesView list() {
        return RulesView.of(rules, LocalDate.now());
    }

    @Operation(summary = "Explain what the agreements would do with a notification (dry run)",
            description = "Nothing is sent, traced or kept. The body is a notification of the canonical schema; one "
                    + "this gateway's country sends is explained per partner of its itinerary, one received from a "
                    + "partner for that partner. A notification that fails validation is explained as refused, with "
                    + "its findings.")
    @ApiResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)))
    @ApiResponse(responseCode = "400", description = "A parameter is malformed; the answer names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadParameter.class)))
    @Post(uri = "/explain", consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML},
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> explain(@Body byte[] notification,
                                   @Nullable @QueryValue("at") @Schema(description = "The day to take the agreements "
                                           + "in force on, YYYY-MM-DD; default the notification's own day "
                                           + "(its PreparationDateTime)", example = "2026-06-01") String at) {
        Optional<LocalDate> day;
        try {
            day = at == null || at.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(at.trim()));
        } catch (DateTimeParseException e) {
            return HttpResponse.badRequest(new BadParameter("at", "'" + at + "' is not a date of the form YYYY-MM-DD"));
        }
        return HttpResponse.ok(explainer.explain(notification, day));
    }

    /** A request parameter that cannot be used, and why. */
    @Serdeable
    public record BadParameter(String parameter, String error) {
    }
}
