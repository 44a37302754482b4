#!/usr/bin/env python3
"""Sends GET requests one after another on ONE keep-alive connection and reports any that get no answer.

Usage: keepalive_probe.py PORT PROBES_TSV NAME [NAME ...]
  PROBES_TSV: the harness's probes.tsv (name, expected status, path, token, description; tab-separated),
              e.g. benchmarks/http/results/tokens/probes.tsv after a run.
  NAME:       probe names in the order to send them, e.g. good no-header no-header good
Each request is sent as soon as the previous answer is complete; a request without an answer in 3 s is a HANG
and ends the run (exit status 1). Used to reproduce Reactor Netty 1.3.6's keep-alive bug on the webflux sample
(benchmarks/README.md, "Reactor Netty 1.3.6 and keep-alive connections").
"""
import socket
import sys
import time


def complete(head, body):
    """Whether the answer's body has fully arrived: by Content-Length, or the last chunk of a chunked body."""
    fields = [line.lower() for line in head.split(b'\r\n')[1:]]
    lengths = [int(field.split(b':')[1]) for field in fields if field.startswith(b'content-length:')]
    if lengths:
        return len(body) >= lengths[0]
    if any(field.startswith(b'transfer-encoding:') and b'chunked' in field for field in fields):
        return body.endswith(b'0\r\n\r\n')
    return True  # no body framing: a bodiless answer (204, 304) is complete with its head


def main():
    port, tsv, names = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    probes = {}
    for line in open(tsv):
        fields = line.rstrip('\n').split('\t')
        probes[fields[0]] = fields
    sock = socket.create_connection(('127.0.0.1', port))
    sock.settimeout(0.2)
    results = []
    for name in names:
        _, _, path, token = probes[name][:4]
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if token:
            request += f"Authorization: Bearer {token}\r\n"
        sock.sendall((request + "\r\n").encode())
        started, received, answer = time.time(), b'', None
        while answer is None and time.time() - started < 3:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                answer = 'CLOSED'
                break
            received += chunk
            if b'\r\n\r\n' in received:
                head, body = received.split(b'\r\n\r\n', 1)
                if complete(head, body):
                    answer = head.split(b'\r\n')[0].decode()[9:12]
        results.append(f"{name}:{answer or 'HANG'}")
        if answer is None:
            print(' '.join(results))
            sys.exit(1)
    print(' '.join(results))


if __name__ == '__main__':
    main()
