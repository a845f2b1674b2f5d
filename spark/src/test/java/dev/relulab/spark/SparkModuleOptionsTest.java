package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags spark/pom.xml gives the tests (surefire argLine) and docs/spark.md gives the java -cp form of
 * spark-submit are the ones spark-submit itself adds on Java 17 for this Spark version.
 */
class SparkModuleOptionsTest {
    @Test
    void thePomsOpensAreSparkSubmitsOwn() {
        assertEquals(JavaModuleOptions.defaultModuleOptions(), System.getProperty("spark.java17.opens"));
    }
}
