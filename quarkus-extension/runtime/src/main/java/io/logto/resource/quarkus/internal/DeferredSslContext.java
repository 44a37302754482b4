package io.logto.resource.quarkus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that asks for its real context on first use. The resource server is created at runtime
 * init, before the Quarkus TLS registry (itself a runtime-init synthetic bean) may be touched; keys are first fetched
 * later, on a request, when the registry is ready. Its socket factory defers the same way, since the core takes the
 * factory when it is created.
 */
final class DeferredSslContext extends SSLContext {

    DeferredSslContext(Supplier<SSLContext> target) {
        super(new Spi(target), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {

        private final Supplier<SSLContext> target;
        private volatile SSLContext context;

        Spi(Supplier<SSLContext> target) {
            this.target = target;
        }

        private SSLContext context() {
            SSLContext current = context;
            if (current == null) {
                synchronized (this) {
                    current = context;
                    if (current == null) {
                        current = target.get();
                        context = current;
                    }
                }
            }
            return current;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
            // the TLS registry's context comes initialized
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new DeferredSocketFactory(() -> context().getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return context().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return context().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context().getClientSessionContext();
        }
    }

    /** A socket factory that asks for the real one on first use; the core takes its factory when it is created. */
    private static final class DeferredSocketFactory extends SSLSocketFactory {

        private final Supplier<SSLSocketFactory> target;

        DeferredSocketFactory(Supplier<SSLSocketFactory> target) {
            this.target = target;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return target.get().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return target.get().getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return target.get().createSocket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return target.get().createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
            return target.get().createSocket(socket, consumed, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return target.get().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return target.get().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return target.get().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return target.get().createSocket(address, port, localAddress, localPort);
        }
    }
}
