package org.threatanalysis.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Shuts the embedded database down once, when the application context closes: HSQLDB writes a
 * checkpoint, so the next process opens it without replaying a log, and releases its lock file.
 *
 * <p>Not by the URL's {@code shutdown=true}, which shuts the database down whenever its last
 * connection closes: the connection pool opens and closes a connection to validate itself before
 * the pool exists, so every process opened the database, shut it down (a checkpoint, and HSQLDB's
 * fixed 100 ms wait when it releases its lock file) and opened it again, about a tenth of a night
 * with nothing new. Spring closes this bean before the pool it depends on.
 */
@Component
class DatabaseShutdown implements DisposableBean {

    private final DataSource dataSource;

    DatabaseShutdown(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void destroy() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
