package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.internal.dav.NetworkErrors;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the AWS SDK throws into a {@link SyncException} whose reason says whether retrying
 * can help and whose message names the bucket, the key and what the server or network said.
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

    S3Errors(String where, String bucket) {
        this.where = where;
        this.bucket = bucket;
    }

    /** {@code action} is what was attempted, e.g. {@code get 'a/b'}. */
    SyncException map(String action, SdkException e) {
        String head = "Cannot " + action + " in " + where + ": ";
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
        if ("NoSuchBucket".equals(code) || status == 404 && code == null) {
            return new SyncException(Reason.NOT_FOUND, head + "bucket '" + bucket + "' does not exist (" + said + ")", e);
        }
        if (REGION_CODES.contains(code) || status == 301 || status == 307) {
            return new SyncException(Reason.IO, head + "the bucket is in another region or behind another "
                    + "endpoint; check the region and endpoint in Sync settings (" + said + ")", e);
        }
        if (status == 401 || status == 403 || AUTH_CODES.contains(code)) {
            return new SyncException(Reason.AUTH, head + "the access key or secret key was refused (" + said + ")", e);
        }
        if (status >= 500 || status == 429 || BUSY_CODES.contains(code)) {
            return new SyncException(Reason.REMOTE_BUSY, head + "the service is busy or failing (" + said + ")", e);
        }
        return new SyncException(Reason.IO, head + "the service refused the request (" + said + ")", e);
    }

    private static SyncException client(String head, SdkException e) {
        SyncException network = NetworkErrors.map(head, e);
        return network != null ? network : new SyncException(Reason.IO, head + e.getMessage(), e);
    }
}
