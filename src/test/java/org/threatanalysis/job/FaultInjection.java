package org.threatanalysis.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Test-only fault injection, active with the Spring profile {@code fault-injection}: wraps the
 * DataSource so that the Nth JDBC batch inserting blocks of staged rows fails (as a full disk or
 * a database error would) or silently loses its rows (as HSQLDB did on a full volume), or that
 * the Nth preparation of a given statement fails.
 */
@Component
@Profile("fault-injection")
class FaultInjection implements BeanPostProcessor {

    enum Mode { NONE, FAIL, DROP, FAIL_STATEMENT }

    static volatile Mode mode = Mode.NONE;
    static volatile int atBatch = 1;
    static volatile String failingStatement = "";
    static final AtomicInteger batches = new AtomicInteger();

    static void arm(Mode newMode, int nthBatch) {
        batches.set(0);
        atBatch = nthBatch;
        mode = newMode;
    }

    /** The Nth preparation of a statement whose SQL starts so (any case) fails. */
    static void armStatement(String sqlStart, int nth) {
        failingStatement = sqlStart.toUpperCase(Locale.ROOT);
        arm(Mode.FAIL_STATEMENT, nth);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
            return new DelegatingDataSource(dataSource) {
                @Override
                public Connection getConnection() throws SQLException {
                    return wrap(super.getConnection());
                }
            };
        }
        return bean;
    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FaultInjection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (mode == Mode.FAIL_STATEMENT && "prepareStatement".equals(method.getName()) && args != null
                            && args[0] instanceof String sql
                            && sql.strip().toUpperCase(Locale.ROOT).startsWith(failingStatement)
                            && batches.incrementAndGet() == atBatch) {
                        throw new SQLException("Simulated fault: no space left on device");
                    }
                    Object result = invoke(method, connection, args);
                    if ("prepareStatement".equals(method.getName()) && args != null && args[0] instanceof String sql
                            && sql.strip().toUpperCase(Locale.ROOT).startsWith("INSERT INTO TA_ROW_BLOCK")) {
                        return wrap((PreparedStatement) result);
                    }
                    return result;
                });
    }

    private static PreparedStatement wrap(PreparedStatement statement) {
        return (PreparedStatement) Proxy.newProxyInstance(FaultInjection.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if ("executeBatch".equals(method.getName()) && (mode == Mode.FAIL || mode == Mode.DROP)
                            && batches.incrementAndGet() == atBatch) {
                        if (mode == Mode.FAIL) {
                            throw new SQLException("Simulated fault: no space left on device");
                        }
                        statement.clearBatch();
                        int[] counts = new int[0];
                        return Arrays.copyOf(counts, 0);
                    }
                    return invoke(method, statement, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
