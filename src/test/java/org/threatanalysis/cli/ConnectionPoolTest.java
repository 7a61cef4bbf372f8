package org.threatanalysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.DelegatingStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job's connection pool keeps a connection's prepared statements open after the code using
 * them closes them: HSQLDB drops a compiled statement when its last handle is closed, and every
 * chunk of the import would otherwise parse and compile the same job-repository updates and
 * block inserts again.
 */
class ConnectionPoolTest {

    private static final String SQL = "SELECT COUNT(*) FROM ta_submission WHERE run_id = ?";

    @TempDir
    Path temp;

    @Test
    void shouldReuseAConnectionsPreparedStatementOnceItIsClosed() throws Exception {
        try (ConfigurableApplicationContext context = ApplicationContexts.start(temp.resolve("data"), Map.of())) {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(dataSource).isInstanceOf(BasicDataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                Statement first = countAndClose(connection);
                Statement second = countAndClose(connection);

                assertThat(second).as("the database's own statement").isSameAs(first);
            }
        }
    }

    @Test
    void shouldWaitForAFreeConnectionAsLongAsBootsDefaultPoolDid() throws Exception {
        try (ConfigurableApplicationContext context = ApplicationContexts.start(temp.resolve("data"), Map.of())) {
            BasicDataSource pool = context.getBean(BasicDataSource.class);

            assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(pool.getMaxTotal()).isEqualTo(6);
        }
    }

    private static Statement countAndClose(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setLong(1, 1L);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isZero();
            }
            return ((DelegatingStatement) statement).getInnermostDelegate();
        }
    }
}
