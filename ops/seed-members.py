#!/usr/bin/env python3
# Seeds sandbox members straight into Redis for the 10k / 1M-members benchmark (BENCHMARKS.md):
#   python3 ops/seed-members.py 0 1000000 | redis-cli --pipe
import sys, json
# Sandbox members in the format SandboxMembershipService keeps (kt:{sandbox}:core:nik|msisdn|kpj), as Redis protocol.
start, count = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
def cmd(*args):
    parts = [b"*%d\r\n" % len(args)]
    for a in args:
        b = a.encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(b), b))
    out.write(b"".join(parts))
for n in range(start, start + count):
    day = 1 + n % 28; month = 1 + (n // 28) % 12
    nik = "35%02d%02d%02d%02d85%04d" % (1 + (n // 336) % 99, 1 + (n // 33264) % 99, day, month, 1 + n % 9999)
    msisdn = "62857%08d" % n
    kpj = str(29_000_000_000 + n)
    m = {"kpj": kpj, "nik": nik, "name": "SEED", "msisdn": msisdn, "occupation": "ojek", "declaredIncome": 1000000,
         "monthlyContribution": 16800, "registeredOn": "2026-06-01", "paidThrough": "2026-12", "programmes": ["JKK", "JKM"]}
    cmd("SET", "kt:{sandbox}:core:nik:" + nik, json.dumps(m, separators=(",", ":")))
    cmd("SET", "kt:{sandbox}:core:msisdn:" + msisdn, nik)
    cmd("SET", "kt:{sandbox}:core:kpj:" + kpj, nik)
