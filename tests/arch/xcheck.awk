# The expectation check of tests/integration/harness.c, for a guest without Criterion:
#   awk -v layout=single|prefixed -f xcheck.awk EXPECT TRACE
# EXPECT holds the records of testprogs/expect.h (TID<TAB>KIND<TAB>TEXT).  Each task's "~"
# and "=" lines must appear in its part of TRACE in order; "<unfinished ...>" lines are joined
# with their "<... NAME resumed>" line, and the spaces before "= RESULT" are not compared
# (for "=" lines too: the -a column is checked by the host's integration tests).
# Prints "missing: TID: TEXT" for the first missing line of each task; exits 1 if any.
function norm(s,    rest, off, pos, len, found, flen) {
	rest = s; off = 0; found = 0
	while (match(rest, /\) +=( |$)/)) {
		found = off + RSTART; flen = RLENGTH
		off += RSTART; rest = substr(s, off + 1)
	}
	if (!found) return s
	len = flen
	# s[found] is ")"; keep it, then one space, then from "=" on.
	pos = index(substr(s, found), "=")
	return substr(s, 1, found) " " substr(s, found + pos - 1)
}
FNR == NR {
	n1 = index($0, "\t"); if (!n1) next
	tid = substr($0, 1, n1 - 1); kind = substr($0, n1 + 1, 1)
	if (kind != "~" && kind != "=") next
	ne++; etid[ne] = tid; ekind[ne] = kind; etext[ne] = substr($0, n1 + 3)
	next
}
{
	nt++
	if (layout == "prefixed" && match($0, /^[0-9]+ +/)) {
		ttid[nt] = substr($0, 1, RLENGTH) + 0; ttext[nt] = substr($0, RLENGTH + 1)
	} else {
		ttid[nt] = -1; ttext[nt] = $0
	}
}
function same(i, tid) { return ttid[i] == -1 || ttid[i] == tid }
# The logical line at i for tid: joined with its resumed line; sets NEXT.
function logical(i, tid,    s, u, p, head, j) {
	s = ttext[i]; NEXT = i + 1; u = " <unfinished ...>"
	if (length(s) > length(u) && substr(s, length(s) - length(u) + 1) == u && substr(s, 1, 1) != "<") {
		p = index(s, "(")
		if (p) {
			head = "<... " substr(s, 1, p - 1) " resumed>"
			for (j = i + 1; j <= nt; j++) {
				if (!same(j, tid)) continue
				if (substr(ttext[j], 1, length(head)) != head) break
				NEXT = j + 1
				return norm(substr(s, 1, length(s) - length(u)) substr(ttext[j], length(head) + 1))
			}
		}
	}
	return norm(s)
}
END {
	bad = 0
	for (f = 1; f <= ne; f++) {
		if (done[f]) continue
		tid = etid[f]; pos = 1
		for (e = f; e <= ne; e++) {
			if (etid[e] != tid) continue
			done[e] = 1
			if (failed[tid]) continue
			want = norm(etext[e]); found = 0
			for (i = pos; i <= nt && !found; i++) {
				if (!same(i, tid)) continue
				if (ekind[e] == "=") { have = norm(ttext[i]); NEXT = i + 1 }
				else have = logical(i, tid)
				if (have == want) { found = 1; pos = NEXT }
			}
			if (!found) { print "missing: " tid ": " etext[e]; failed[tid] = 1; bad = 1 }
		}
	}
	if (!ne) { print "no expectations"; bad = 1 }
	exit bad
}
