/* --summary-tree: the process tree of testprogs/tp_story, whose every end is known. */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(summary, .fini = it_fini, .timeout = 120);

static struct it_run r;

/*
 * The block (head line and facts) of the first process at indent whose head
 * contains want and whose block contains fact (NULL: any).
 */
static char *block_with(const char *tree, unsigned indent, const char *want, const char *fact)
{
	for (const char *l = tree; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);
		size_t sp = strspn(l, " ");
		if (sp == indent && l[sp] >= '0' && l[sp] <= '9' &&
		    memmem(l, n, want, strlen(want))) {
			/* The block ends at the next line as little indented as a pid. */
			const char *end = nl ? nl + 1 : l + n;
			while (*end && strspn(end, " ") > indent + 1)
				end = strchr(end, '\n') ? strchr(end, '\n') + 1 : end + strlen(end);
			char *b = strndup(l, (size_t)(end - l));
			if (!fact || strstr(b, fact))
				return b;
			free(b);
		}
		l = nl ? nl + 1 : l + n;
	}
	return NULL;
}

static unsigned heads_at(const char *tree, unsigned indent)
{
	unsigned k = 0;
	for (const char *l = tree; *l;) {
		size_t sp = strspn(l, " ");
		if (sp == indent && l[sp] >= '0' && l[sp] <= '9')
			k++;
		const char *nl = strchr(l, '\n');
		l = nl ? nl + 1 : l + strlen(l);
	}
	return k;
}

static void expect_child(const char *tree, const char *head, const char *fact)
{
	char *b = block_with(tree, 2, head, fact);
	cr_assert(b, "no child \"%s\" with \"%s\" under the root:\n%s", head, fact, tree);
	free(b);
}

Test(summary, tree_ends_threads_and_counts)
{
	/* Every call stops (no seccomp filter), so the counts are exact. */
	IT_RUN(&r, "-f", "-qq", "-e", "trace=none", "--seccomp-bpf=no", "--summary-tree", "-o",
	       "@TRACE", it_prog("tp_story"));
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *tree = strstr(t, "Process tree: 7 processes\n");
	cr_assert(tree, "no tree of 7 processes:\n%s", t);
	cr_assert(!strstr(tree, "only those -e trace= selected"), "%s", tree);
	cr_assert_eq(heads_at(tree, 0), 1, "one root:\n%s", tree);
	cr_assert_eq(heads_at(tree, 2), 6, "six children under it:\n%s", tree);
	char *root = block_with(tree, 0, "tp_story", NULL);
	cr_assert(root && strstr(root, "exit 0, +") && strstr(root, "1 thread,"), "%s", tree);
	int root_pid = atoi(root);
	free(root);
	/* Exactly 7: the count ends the item ("7," or "7\n"), whatever else libc calls. */
	char *b = block_with(tree, 2, "tp_story", "calls: getppid 7,");
	if (!b)
		b = block_with(tree, 2, "tp_story", "calls: getppid 7\n");
	cr_assert(b, "no child with exactly 7 getppid calls:\n%s", tree);
	free(b);
	expect_child(tree, "tp_story", "exit 3, +");
	expect_child(tree, "tp_story", "killed by SIGKILL, +");
	expect_child(tree, "tp_story", "killed by SIGSEGV, crash report above, +");
	expect_child(tree, "tp_story", "killed by SIGTERM, sent by ");
	char from[48];
	snprintf(from, sizeof(from), "signals: SIGTERM 1 from %d\n", root_pid);
	expect_child(tree, "tp_story", from);
	expect_child(tree, "true story-arg", "tp_story -> true, exit 0, +");
	expect_child(tree, "tp_story", "3 threads,");
	cr_assert(strstr(tree, "cpu ") && strstr(tree, "peak RSS "), "%s", tree);
	/* 80 columns. */
	for (const char *l = tree; *l;) {
		const char *nl = strchr(l, '\n');
		cr_assert(nl && nl - l <= 80, "a line over 80 columns:\n%s", tree);
		l = nl + 1;
	}
	free(t);
}

/* --color=always: bold names, red bad ends, dim offsets; =never: no escape at all. */
Test(summary, color_always_and_never)
{
	IT_RUN(&r, "-f", "-qq", "-e", "trace=none", "--color=always", "--summary-tree", "-o",
	       "@TRACE", it_prog("tp_story"));
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *tree = strstr(t, "Process tree: 7 processes\n");
	cr_assert(tree, "%s", t);
	cr_assert(strstr(tree, "/tp_story\033[0m\n") && strstr(tree, " \033[1m/"),
		  "no bold name:\n%s", tree);
	cr_assert(strstr(tree, "\033[31mexit 3\033[0m, \033[2m+"), "no red exit 3:\n%s", tree);
	cr_assert(strstr(tree, "\033[31mkilled by SIGKILL\033[0m"), "%s", tree);
	cr_assert(!strstr(tree, "\033[31mexit 0"), "exit 0 is not red:\n%s", tree);
	free(t);
	it_fini();
	IT_RUN(&r, "-f", "-qq", "-e", "trace=none", "--color=never", "--summary-tree", "-o",
	       "@TRACE", it_prog("tp_story"));
	it_assert_exit(&r, 0);
	t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "Process tree: 7 processes\n") && !strchr(t, '\033'), "%s", t);
	free(t);
}

Test(summary, filtered_launch_says_so)
{
	IT_RUN(&r, "-f", "-qq", "-e", "trace=getppid", "--summary-tree", "-o", "@TRACE",
	       it_prog("tp_story"));
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *tree = strstr(t, "Process tree: ");
	cr_assert(tree && strstr(tree, "only those -e trace= selected"), "%s", t);
	expect_child(tree, "tp_story", "calls: getppid 7\n");
	free(t);
}

Test(summary, json_event_validates)
{
	const char *src = getenv("PTRC_SOURCE_DIR");
	char cmd[2048];

	IT_RUN(&r, "--json", "-f", "-e", "trace=none", "--seccomp-bpf=no", "--summary-tree", "-o",
	       "@TRACE", it_prog("tp_story"));
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *ev = strstr(t, "{\"type\":\"summary_tree\"");
	cr_assert(ev, "%s", t);
	cr_assert(strstr(ev, "\"end\":\"exit\",\"exit_code\":3"), "%s", ev);
	cr_assert(strstr(ev, "\"signal\":\"SIGSEGV\",\"core_dumped\":false"), "%s", ev);
	cr_assert(strstr(ev, "\"programs\":[\"tp_story\",\"true\"]"), "%s", ev);
	cr_assert(strstr(ev, "{\"name\":\"getppid\",\"calls\":7,\"errors\":0,\"time_s\":"), "%s",
		  ev);
	cr_assert(strstr(ev, "\"threads\":3"), "%s", ev);
	free(t);
	cr_assert(src);
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	snprintf(cmd, sizeof(cmd),
		 "%s %s/tests/integration/validate_json.py %s/docs/json-schema.json %s >/dev/null",
		 py, src, src, r.trace);
	int status = system(cmd);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
		cr_skip_test("python3 jsonschema is not installed");
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the JSON does not validate");
}

/* A memory cgroup with a 32 MiB limit next to ptrc's own (v1 or v2); false to skip. */
static bool make_memcg(char *dir, size_t len, char *procs, size_t plen)
{
	char *own = it_read_file("/proc/self/cgroup");
	char *v1 = own ? strstr(own, ":memory:") : NULL;
	char *v2 = own ? strstr(own, "0::") : NULL;
	bool ok = false;

	if (v1) {
		*strchrnul(v1, '\n') = '\0';
		snprintf(dir, len, "/sys/fs/cgroup/memory%s/ptrc-it-oom-%d", v1 + 8, (int)getpid());
	} else if (v2) {
		*strchrnul(v2, '\n') = '\0';
		snprintf(dir, len, "/sys/fs/cgroup%s/ptrc-it-oom-%d", v2 + 3, (int)getpid());
	}
	free(own);
	if ((v1 || v2) && mkdir(dir, 0755) == 0) {
		char cmd[1024];
		snprintf(cmd, sizeof(cmd),
			 "cd '%s' && { echo 32M > memory.limit_in_bytes && "
			 "{ echo 32M > memory.memsw.limit_in_bytes; true; } || "
			 "{ echo 32M > memory.max && { echo 0 > memory.swap.max; true; }; }; } "
			 "2>/dev/null",
			 dir);
		ok = system(cmd) == 0;
		snprintf(procs, plen, "%s/cgroup.procs", dir);
		if (!ok)
			rmdir(dir);
	}
	return ok;
}

/* A process the OOM killer takes (its cgroup's oom_kill rose): the tree says so. */
Test(summary, oom_kill_is_named_as_the_likely_cause)
{
	char dir[512], procs[600];

	if (it_tracer_is_strace())
		cr_skip_test("--summary-tree is ptrc's");
	if (geteuid() != 0 || !make_memcg(dir, sizeof(dir), procs, sizeof(procs)))
		cr_skip_test("no memory cgroup can be made here (root and a writable hierarchy)");
	it_init(&r);
	const char *const argv[] = {"--summary-tree",  "-f",  "-e", "trace=none", "-o", "@TRACE",
				    it_prog("tp_oom"), procs, NULL};
	it_run(&r, argv);
	rmdir(dir);
	it_assert_signal_exit(&r, SIGKILL);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "killed by SIGKILL, likely by the OOM killer"), "%s", t);
	free(t);
}

/* SIGBUS writing a shared mapping on a full tmpfs (the DataLoader's /dev/shm): named. */
Test(summary, sigbus_on_a_full_filesystem_is_named)
{
	char dir[] = "/tmp/ptrc-it-shm-XXXXXX", cmd[256];

	if (it_tracer_is_strace())
		cr_skip_test("--summary-tree is ptrc's");
	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "mount -t tmpfs -o size=256k ptrc-it '%s' 2>/dev/null", dir);
	if (geteuid() != 0 || system(cmd) != 0) {
		rmdir(dir);
		cr_skip_test("cannot mount a small tmpfs here (root)");
	}
	it_init(&r);
	const char *const argv[] = {"--summary-tree",	   "-f", "-e", "trace=none", "-o", "@TRACE",
				    it_prog("tp_shmfull"), dir,	 NULL};
	it_run(&r, argv);
	snprintf(cmd, sizeof(cmd), "umount '%s'", dir);
	if (system(cmd) == 0)
		rmdir(dir);
	it_assert_signal_exit(&r, SIGBUS);
	char *t = it_read_trace(&r, NULL);
	char want[128];
	snprintf(want, sizeof(want), "killed by SIGBUS, likely %s full, crash report above", dir);
	cr_assert(strstr(t, want), "no \"%s\":\n%s", want, t);
	free(t);
}

/* The files each process opened, under the filter too (-e trace=none stops at opens). */
Test(summary, files_opened_and_failed)
{
	if (it_tracer_is_strace())
		cr_skip_test("--summary-tree is ptrc's");
	it_init(&r);
	const char *const argv[] = {
		"--summary-tree",
		"-f",
		"-e",
		"trace=none",
		"-o",
		"@TRACE",
		"/bin/sh",
		"-c",
		"cat /etc/hostname /etc/hostname /nonexistent-ptrc-it 2>/dev/null; "
		"true",
		NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *cat = block_with(t, 2, "cat /etc/hostname", NULL);
	cr_assert(cat, "no cat under sh:\n%s", t);
	cr_assert(strstr(cat, "files: ") && strstr(cat, "/etc/hostname 2"),
		  "cat opened /etc/hostname twice:\n%s", cat);
	cr_assert(strstr(cat, "failed: ") && strstr(cat, "/nonexistent-ptrc-it ENOENT"),
		  "the failed open:\n%s", cat);
	free(cat);
	free(t);
}

/*
 * Bytes per file and per endpoint, counted from the decoded calls: tp_story_io moves known
 * amounts and prints "PID<TAB>TEXT" for each line its process's block must hold.
 */
Test(summary, bytes_per_file_and_endpoint)
{
	if (it_tracer_is_strace())
		cr_skip_test("--summary-tree is ptrc's");
	it_init(&r);
	const char *const argv[] = {"--summary-tree",	    "-f",  "-o", "@TRACE",
				    it_prog("tp_story_io"), r.dir, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	char *tree = strstr(t, "Process tree:");
	cr_assert(tree, "no tree:\n%s", t);
	unsigned checked = 0;
	for (char *l = r.out; l && *l;) {
		char *nl = strchr(l, '\n'), *tab = strchr(l, '\t');
		cr_assert(nl && tab && tab < nl, "tp_story_io's line: %s", l);
		*nl = *tab = '\0';
		char head[32];
		snprintf(head, sizeof(head), "%s ", l);
		char *b = block_with(tree, 0, head, tab + 1);
		if (!b)
			b = block_with(tree, 2, head, tab + 1);
		cr_assert(b, "no \"%s\" in the block of %s:\n%s", tab + 1, l, tree);
		free(b);
		checked++;
		l = nl + 1;
	}
	cr_assert_eq(checked, 10, "tp_story_io stated %u lines:\n%s", checked, r.out);
	free(t);
}

/* Under the seccomp filter reads and writes do not stop: the tree says bytes are not counted. */
Test(summary, bytes_not_counted_under_the_filter)
{
	if (it_tracer_is_strace())
		cr_skip_test("--summary-tree is ptrc's");
	it_init(&r);
	const char *const argv[] = {"--summary-tree",	    "-f",  "-e",
				    "trace=openat",	    "-o",  "@TRACE",
				    it_prog("tp_story_io"), r.dir, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "selected, no bytes;"), "the tree says so:\n%s", t);
	cr_assert(!strstr(t, "(read 1000 B"), "no bytes where reads did not stop:\n%s", t);
	free(t);
}
