package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.http.NetworkErrors;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the AWS SDK throws into a {@link SyncException} whose reason says whether retrying
 * can help and whose message names the bucket, the object and what the server or network said.
 */
final class S3Errors {
    private static final Set<String> AUTH_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "AccessDenied", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AllAccessDisabled",
            "AccountProblem", "InvalidSecurity", "NotSignedUp");
    private static final Set<String> BUSY_CODES = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "RequestTimeTooSkewed", "ConditionalRequestConflict", "OperationAborted",
            "TooManyRequests", "Throttling", "ThrottlingException");
    private static final Set<String> REGION_CODES = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException", "IncorrectEndpoint", "TemporaryRedirect");

    private final String where;
    private final String bucket;
    private final Proxies.Choice proxy;

    S3Errors(String where, String bucket) {
        this(where, bucket, Proxies.Choice.DIRECT);
    }

    S3Errors(String where, String bucket, Proxies.Choice proxy) {
        this.where = where;
        this.bucket = bucket;
        this.proxy = proxy;
    }

    /** {@code action} is what was attempted, e.g. {@code get 'a/b'}. */
    SyncException map(String action, SdkException e) {
        String head = "Cannot " + action + " in " + where + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebPageGuard.WebPage page && !proxy.direct()
                    && (page.status == 407 || page.status == 401 && proxy.hasCredentials())) {
                // S3 never answers in HTML: a page asking for credentials behind a proxy given
                // some is the proxy's (tinyproxy before 1.11.2 answers 401 where 407 is standard).
                return NetworkErrors.proxyRefused(head, proxy, page.status);
            }
            if (t instanceof WebPageGuard.WebPage page && page.status >= 500) {
                // A log-in page answers 200 or a redirect; an error page is the server's own failure.
                return new SyncException(Reason.UNREACHABLE, head + "the server failed (HTTP " + page.status
                        + ") and answered with an error page instead of S3", e);
            }
            if (t instanceof WebPageGuard.WebPage page) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.LOGIN_PAGE, head + "the server answered with a web page instead of "
                        + "S3 (HTTP " + page.status + "): this network may need a log-in in the browser first (hotel or "
                        + "office Wi-Fi), or the endpoint is a website and not the S3 service", e);
            }
        }
        if (e instanceof AwsServiceException ase) {
            return service(head, ase);
        }
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            // The SDK aborts when the calling thread is interrupted; keep the flag for the caller.
            Thread.currentThread().interrupt();
            return new SyncException(Reason.UNREACHABLE, head + "interrupted", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new SyncException(Reason.UNREACHABLE, head + "no answer in time (" + e.getMessage() + ")", e);
        }
        return client(head, e);
    }

    private SyncException service(String head, AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String said = (code == null ? "HTTP " + status : code + ", HTTP " + status)
                + (e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? ""
                        : ": " + e.awsErrorDetails().errorMessage());
        if (status == 407) {
            // Only a proxy answers 407, to a request or to the CONNECT of an https tunnel.
            return NetworkErrors.proxyRefused(head, proxy, status);
        }
        if (status == 404 && code == null && e.awsErrorDetails() != null && e.awsErrorDetails().rawResponse() != null
                && e.awsErrorDetails().rawResponse().asByteArrayUnsafe().length > 0) {
            // A body that does not parse: an S3 error cut off on the way (a reset mid-answer), not
            // an answer without one, which is how a missing bucket can look on some servers.
            return new SyncException(Reason.UNREACHABLE, Diagnosis.TIMEOUT, head + "the answer (HTTP 404) was cut off "
                    + "before it said what is missing", e);
        }
        if ("NoSuchBucket".equals(code) || status == 404 && code == null) {
            return new SyncException(Reason.NOT_FOUND, head + "bucket '" + bucket + "' does not exist (" + said + ")", e);
        }
        if (code != null && REGION_CODES.contains(code) || status == 301 || status == 307) {
            return new SyncException(Reason.IO, head + "the bucket is in another region or behind another "
                    + "endpoint; check the region and endpoint in Settings (" + said + ")", e);
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            return new SyncException(Reason.AUTH, Diagnosis.CLOCK_SKEW, head + "this computer's clock is too far from "
                    + "the service's, which refuses the request's signature (" + said + ")", e);
        }
        if (status == 401 || status == 403 || code != null && AUTH_CODES.contains(code)) {
            return new SyncException(Reason.AUTH, head + "the access key or secret key was refused (" + said + ")", e);
        }
        if (status >= 500 || status == 429 || code != null && BUSY_CODES.contains(code)) {
            boolean throttled = status == 429 || "SlowDown".equals(code) || "Throttling".equals(code)
                    || "TooManyRequests".equals(code) || "RequestLimitExceeded".equals(code);
            return new SyncException(Reason.REMOTE_BUSY, throttled ? Diagnosis.THROTTLED : Diagnosis.NONE,
                    head + "the service is busy or failing (" + said + ")", e);
        }
        return new SyncException(Reason.IO, head + "the service refused the request (" + said + ")", e);
    }

    private SyncException client(String head, SdkException e) {
        SyncException network = NetworkErrors.map(head, e, proxy);
        return network != null ? network : new SyncException(Reason.IO, head + e.getMessage(), e);
    }
}
