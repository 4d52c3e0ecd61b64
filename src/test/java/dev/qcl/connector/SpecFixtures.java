package dev.qcl.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Specs, fakes and a clock shared by the spec tests. */
final class SpecFixtures {
    static final String S3 = "File_AmazonS3ConnectorV2";
    static final String DB = "test_database";

    /** The Amazon S3 V2 api-specs of Qlik's "Create data connections" tutorial (its elided region list filled in). */
    static final String S3_SPEC = """
            {
              "connectorProvider": "QvWebStorageProviderConnectorPackage.exe",
              "connectorVersion": "4.46.0",
              "connectionProperties": {
                "type": "object",
                "properties": {
                  "region": {
                    "type": "string",
                    "default": "us-east-1",
                    "enum": ["af-south-1", "ap-east-1", "ap-northeast-1", "ap-southeast-1", "ca-central-1",
                             "eu-central-1", "eu-west-1", "eu-west-2", "sa-east-1",
                             "us-east-1", "us-east-2", "us-west-1", "us-west-2"],
                    "description": "Amazon S3 region code. (Default=us-east-1). (enum values are case sensitive)"
                  },
                  "bucketName": {"type": "string", "description": "The bucket name e.g. 'my-bucket'."},
                  "storeSseHeader": {"type": "string", "description": "The x-amz-server-side-encryption header value."},
                  "separateCredentials": {"type": "boolean", "default": false, "description": "Each user brings credentials."},
                  "selectedCredentials": {"type": "string", "description": "Select or create the credentials"},
                  "credentialsName": {"type": "string", "description": "Give a name for the credentials"},
                  "accessKey": {"type": "string", "description": "Amazon S3 access key."},
                  "secretKey": {"type": "string", "description": "Amazon S3 secret key."}
                }
              }
            }
            """;

    /** A small connector with every type, a required property and a property marked as a password. */
    static final String DB_SPEC = """
            {
              "connectorProvider": "TestProvider.exe",
              "connectorVersion": "1.0.0",
              "connectionProperties": {
                "type": "object",
                "properties": {
                  "host": {"type": "string", "description": "Server host"},
                  "port": {"type": "integer", "default": 5432},
                  "ssl": {"type": "boolean"},
                  "timeoutSeconds": {"type": "number"},
                  "hosts": {"type": "array"},
                  "options": {"type": "object"},
                  "pass": {"type": "string", "format": "password"},
                  "pinCode": {"type": "integer", "format": "password"},
                  "mode": {"type": "string", "enum": ["read", "write"]},
                  "keyFile": {"type": "array"},
                  "odd": {"type": "matrix"},
                  "untyped": {}
                },
                "required": ["host"]
              }
            }
            """;

    private SpecFixtures() {}

    static SecretPolicy secrets() {
        return new SecretPolicy(List.of());
    }

    /** A spec source that counts its calls; specs can be replaced between calls. */
    static class CountingSource implements SpecSource {
        final AtomicInteger dataSourceCalls = new AtomicInteger();
        final AtomicInteger specCalls = new AtomicInteger();
        final Map<String, String> specs = new HashMap<>();
        volatile Instant lastUpdated;
        volatile CountDownLatch specGate;

        CountingSource(Instant lastUpdated) {
            this.lastUpdated = lastUpdated;
            specs.put(S3, S3_SPEC);
            specs.put(DB, DB_SPEC);
        }

        @Override
        public DataSourceList dataSources() {
            dataSourceCalls.incrementAndGet();
            return new DataSourceList(List.of(S3, DB, "snowflake", "rest"), lastUpdated);
        }

        @Override
        public Optional<String> apiSpecJson(String dataSourceId) {
            specCalls.incrementAndGet();
            CountDownLatch gate = specGate;
            if (gate != null) {
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.ofNullable(specs.get(dataSourceId));
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
