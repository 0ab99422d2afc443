/*
 * --report: the page of tp_story's run (a known tree: exit 3, SIGKILL, SIGSEGV, an exec of
 * /bin/true, threads, SIGTERM from its parent, 7 getppid calls), rendered by a real browser:
 * headless Chromium runs the page's script and dumps the DOM it made, or a screenshot.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

TestSuite(report, .fini = it_fini, .timeout = 240);

static struct it_run r;
static char page[160];

static unsigned count(const char *text, const char *what)
{
	unsigned n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* $PTRC_CHROMIUM, else chromium on $PATH; NULL when there is none. */
static const char *chromium(void)
{
	static char found[512];
	const char *env = getenv("PTRC_CHROMIUM");
	char *path = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");

	if (env && *env)
		return env;
	for (char *save, *dir = strtok_r(path, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		snprintf(found, sizeof(found), "%s/chromium", dir);
		if (access(found, X_OK) == 0) {
			free(path);
			return found;
		}
	}
	free(path);
	return NULL;
}

/* Runs tp_story under --report (every call stops, so the counts are exact). */
static void run_story(void)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no --report");
	it_init(&r);
	snprintf(page, sizeof(page), "%s/run.html", r.dir);
	const char *const argv[] = {"-f",	"-qq", "-e", "trace=none", "--seccomp-bpf=no",
				    "--report", page,  "-o", "@TRACE",	   it_prog("tp_story"),
				    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
}

/* Chromium with its own profile in the run's directory; what: "--dump-dom" or a screenshot. */
static void browse(const char *what, const char *fragment, const char *out)
{
	const char *chrome = chromium();
	char cmd[2048];

	if (!chrome)
		cr_skip_test(
			"no chromium (Debian: apt-get install chromium; scripts/dev.sh test does)");
	snprintf(cmd, sizeof(cmd),
		 "cd %s && timeout 120 %s --headless --no-sandbox --disable-gpu --no-first-run "
		 "--user-data-dir=%s/chrome --window-size=1200,900 %s 'file://%s%s' >%s "
		 "2>%s/chrome.err; rm -rf %s/chrome",
		 r.dir, chrome, r.dir, what, page, fragment, out, r.dir, r.dir);
	int status = system(cmd);
	cr_assert(status == 0, "chromium failed (%d): %s/chrome.err", status, r.dir);
}

/* The DOM the page's script made, opened at fragment ("" or "#pid=N"). */
static char *render(const char *fragment)
{
	char out[200];

	snprintf(out, sizeof(out), "%s/dom.html", r.dir);
	browse("--dump-dom", fragment, out);
	char *dom = it_read_file(out);
	cr_assert(dom && strstr(dom, "</html>"), "no DOM from chromium");
	return dom;
}

/* The pid of the first process row of class end (end-ok, end-crash...); fails without. */
static int row_pid(const char *dom, const char *end)
{
	char want[96];
	int pid = 0;

	snprintf(want, sizeof(want), "class=\"row proc %s\" data-pid=\"", end);
	const char *p = strstr(dom, want);
	cr_assert(p && sscanf(p + strlen(want), "%d", &pid) == 1, "no row of %s:\n%s", end, dom);
	return pid;
}

Test(report, every_process_its_end_and_the_crash)
{
	run_story();
	char *dom = render("");
	cr_assert(!strstr(dom, "id=\"command\">No run data"), "the page did not read its data");
	cr_expect_eq(count(dom, "class=\"row proc "), 7, "7 process rows");
	cr_expect_eq(count(dom, "class=\"row proc end-ok\""), 3, "the root, true, the threads");
	cr_expect_eq(count(dom, "class=\"row proc end-fail\""), 1);
	cr_expect_eq(count(dom, "class=\"row proc end-killed\""), 2, "SIGKILL and SIGTERM");
	cr_expect_eq(count(dom, "class=\"row proc end-crash\""), 1);
	cr_expect_eq(count(dom, "class=\"row thread end-ok\""), 2, "the 2 threads' rows");
	cr_expect(strstr(dom, "<div class=\"end\" title=\"exit 3\">exit 3</div>"), "%s", dom);
	cr_expect(strstr(dom,
			 "<div class=\"end\" title=\"killed by SIGKILL\">killed by SIGKILL</div>"),
		  "%s", dom);
	int root = row_pid(dom, "end-ok");
	char want[160];
	snprintf(want, sizeof(want), ">killed by SIGTERM, sent by %d</div>", root);
	cr_expect(strstr(dom, want), "%s", dom);
	cr_expect(
		strstr(dom, "<span class=\"prog\">true</span> <span class=\"cmd\">true story-arg"));
	cr_expect(strstr(dom, "<dd>7 (9 threads)</dd>"), "the header counts them");
	cr_expect(strstr(dom, "<dt>ended</dt><dd>exit 0</dd>"));
	/* The legend names each colour. */
	cr_expect(strstr(dom, "<span class=\"end-ok\"><i></i>exit 0</span>"), "%s", dom);
	cr_expect(strstr(dom, "<span class=\"end-crash\"><i></i>crashed</span>"));
	cr_expect(
		strstr(dom, "<span class=\"end-unknown\"><i></i>still running or unknown</span>"));
	/* The crash section holds the SIGSEGV child's report. */
	int crashed = row_pid(dom, "end-crash");
	snprintf(want, sizeof(want), "<details class=\"crash\" data-pid=\"%d\"", crashed);
	char *crash = strstr(dom, want);
	cr_assert(crash, "no crash report of %d:\n%s", crashed, dom);
	snprintf(want, sizeof(want), "<pre>=== ptrc crash report: pid %d, tid %d:", crashed,
		 crashed);
	cr_expect(strstr(crash, want), "%s", crash);
	cr_expect(strstr(crash, "signal: SIGSEGV (SEGV_MAPERR"), "%s", crash);
	cr_expect(strstr(dom, "<h2>Crash reports (1)</h2>"));
	cr_expect(strstr(dom, "No policy was given"));
	free(dom);
}

/* #pid=N opens a process's details, as a click does. */
Test(report, details_from_the_address)
{
	char frag[64], want[160];

	run_story();
	char *dom = render("");
	int child = row_pid(dom, "end-fail"), termed = 0, root = row_pid(dom, "end-ok");
	const char *t = strstr(dom, ">killed by SIGTERM, sent by ");
	cr_assert(t);
	while (t > dom && strncmp(t, "data-pid=\"", 10))
		t--;
	cr_assert(sscanf(t, "data-pid=\"%d\"", &termed) == 1);
	free(dom);

	snprintf(frag, sizeof(frag), "#pid=%d", child);
	dom = render(frag);
	snprintf(want, sizeof(want), "<h2>Process %d \xe2\x80\x94 tp_story</h2>", child);
	cr_assert(strstr(dom, want), "no details of %d:\n%s", child, dom);
	cr_expect(strstr(dom, "<td>getppid</td><td class=\"n\">7</td><td class=\"n\">0</td>"),
		  "getppid 7 in its calls:\n%s", dom);
	snprintf(want, sizeof(want), "class=\"row proc end-fail sel\" data-pid=\"%d\"", child);
	cr_expect(strstr(dom, want), "its row is selected");
	cr_expect(strstr(dom, "<dt>end</dt><dd>exit 3</dd>"));
	snprintf(want, sizeof(want), "parent <a href=\"#pid=%d\">%d</a>", root, root);
	cr_expect(strstr(dom, want), "its parent, a link:\n%s", dom);
	free(dom);

	/* The SIGTERMed child: the signal it received and who sent it. */
	snprintf(frag, sizeof(frag), "#pid=%d", termed);
	dom = render(frag);
	snprintf(want, sizeof(want),
		 "<td>SIGTERM</td><td class=\"n\">1</td><td><a href=\"#pid=%d\">%d</a></td>", root,
		 root);
	cr_expect(strstr(dom, want), "SIGTERM from %d:\n%s", root, dom);
	free(dom);
}

/* #search=ld.so fills the box: the file list holds only the paths that match. */
Test(report, search_over_the_files)
{
	run_story();
	char *dom = render("#search=ld.so");
	cr_assert(strstr(dom, "id=\"search\" type=\"search\""), "%s", dom);
	cr_expect(strstr(dom, "value=\"ld.so\""), "the box holds the search");
	char *table = strstr(dom, "<table id=\"filetable\">");
	cr_assert(table);
	unsigned rows = count(table, "<td class=\"path\">");
	cr_expect_geq(rows, 2, "the root and true opened /etc/ld.so.cache:\n%s", table);
	cr_expect_eq(count(table, "<td class=\"path\">/etc/ld.so.cache</td>"), rows,
		     "only what matches:\n%s", table);
	cr_expect(strstr(dom, ">true</td>") || strstr(dom, "</a> true</td>"), "%s", table);
	char want[64];
	snprintf(want, sizeof(want), "%u of ", rows);
	cr_expect(strstr(dom, want), "the count says how many match");
	free(dom);
}

/* Self-contained and small: nothing is loaded from anywhere, whatever the browser. */
Test(report, loads_nothing_and_is_small)
{
	struct stat st;

	run_story();
	char *html = it_read_file(page);
	cr_assert(html && stat(page, &st) == 0);
	cr_expect(!strstr(html, "http"), "a URL in the page");
	cr_expect(!strstr(html, "src="), "a resource in the page");
	cr_expect(!strstr(html, "url("), "a CSS resource in the page");
	cr_expect(!strstr(html, "@import"));
	for (const char *h = html; (h = strstr(h, "href=")); h += 5)
		cr_expect(!strncmp(h, "href=\"#", 7), "a link out of the page: %.60s", h);
	cr_expect_lt(st.st_size, 100 * 1024, "%lld bytes for 7 processes", (long long)st.st_size);
	cr_expect_gt(st.st_size, 20 * 1024);
	free(html);
	/* The links the script made stay in the page too (when there is a browser to run it). */
	if (!chromium())
		return;
	char *dom = render("");
	for (const char *h = dom; (h = strstr(h, "href=")); h += 5)
		cr_expect(!strncmp(h, "href=\"#", 7), "a link out of the page: %.60s", h);
	cr_expect(!strstr(dom, " src="));
	free(dom);
}

/*
 * A screenshot of the demo job's page with the root's details open: a PNG of some size.
 * $PTRC_REPORT_SCREENSHOT names where to keep a copy (docs/report.png is one).
 */
Test(report, screenshot_of_the_demo_job)
{
	const char *script = getenv("PTRC_TRAIN_MODEL");
	const char *keep = getenv("PTRC_REPORT_SCREENSHOT");
	char shot[200], frag[64], cmd[600];
	struct stat st;

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --report");
	cr_assert(script && *script, "PTRC_TRAIN_MODEL is not set");
	if (!chromium())
		cr_skip_test(
			"no chromium (Debian: apt-get install chromium; scripts/dev.sh test does)");
	it_init(&r);
	snprintf(page, sizeof(page), "%s/run.html", r.dir);
	/* Debian's python3 itself, not a wrapper (pyenv's shim runs a shell script first). */
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	const char *const argv[] = {"-f", "--report", page, "-o", "@TRACE", py, script, NULL};
	it_run(&r, argv);
	/* The demo leaves its log under /tmp; the test removes it. */
	const char *log = strstr(r.out, "log in /tmp/ptrc-train-");
	char path[128];
	if (log && sscanf(log, "log in %127s", path) == 1)
		unlink(path);
	it_assert_exit(&r, 0);
	char *dom = render("");
	snprintf(frag, sizeof(frag), "#pid=%d", row_pid(dom, "end-ok"));
	cr_expect_eq(count(dom, "class=\"row proc end-ok\""), 3, "python and its 2 workers");
	cr_expect_geq(count(dom, "class=\"row thread end-ok\""), 3, "their threads");
	free(dom);
	snprintf(shot, sizeof(shot), "%s/report.png", r.dir);
	char what[300];
	snprintf(what, sizeof(what), "--hide-scrollbars --screenshot=%s", shot);
	browse(what, frag, "/dev/null");
	cr_assert(stat(shot, &st) == 0, "no screenshot");
	char *png = it_read_file(shot);
	cr_assert(png && !memcmp(png, "\x89PNG\r\n\x1a\n", 8), "not a PNG");
	free(png);
	cr_expect_gt(st.st_size, 20 * 1024, "%lld bytes: an empty page?", (long long)st.st_size);
	if (keep && *keep) {
		snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", shot, keep);
		cr_expect(system(cmd) == 0, "cannot copy it to %s", keep);
	}
}

/* A page that cannot be written: one line, and the run's output is lost (74). */
Test(report, an_unwritable_file_is_one_line_and_exit_74)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no --report");
	IT_RUN(&r, "-f", "-q", "-o", "@TRACE", "--report", "/nonexistent/dir/r.html",
	       it_prog("tp_procs"), "fork");
	it_assert_exit(&r, 74);
	cr_assert_str_eq(r.err, "ptrc: --report: writing '/nonexistent/dir/r.html': No such file "
				"or directory\n");
	char *t = it_read_trace(&r, NULL);
	cr_assert(t && strstr(t, "+++ exited with 0 +++"), "the command ran:\n%s", t);
	cr_assert(!strstr(t, "Process tree:"), "--report prints no tree");
	free(t);
}

/* A process's bytes per file and its endpoints, as tp_story_io moved them. */
Test(report, bytes_and_endpoints_of_a_process)
{
	char frag[64];
	int pid = 0;

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --report");
	it_init(&r);
	snprintf(page, sizeof(page), "%s/run.html", r.dir);
	const char *const argv[] = {
		"-f", "-qq", "--report", page, "-o", "@TRACE", it_prog("tp_story_io"), r.dir, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	cr_assert(r.out && sscanf(r.out, "%d", &pid) == 1, "tp_story_io said: %s", r.out);
	snprintf(frag, sizeof(frag), "#pid=%d", pid);
	char *dom = render(frag);
	cr_expect(strstr(dom, "/out.bin</td><td class=\"n\">2</td><td class=\"n\">0</td><td></td>"
			      "<td class=\"n\">1000 B</td><td class=\"n\">1000 B</td>"),
		  "%s", dom);
	cr_expect(strstr(dom, "<h3>Network (3)</h3>"), "%s", dom);
	cr_expect(strstr(dom, "<td class=\"n\">0 B</td><td class=\"n\">5 B</td></tr>"), "%s", dom);
	cr_expect(strstr(dom, "<tr class=\"failed\"><td>connect</td>"), "%s", dom);
	cr_expect(strstr(dom, "<td>ECONNREFUSED</td><td class=\"n\">1</td>"), "%s", dom);
	cr_expect(strstr(dom, "<h3>Left open at exit (1)</h3>"), "%s", dom);
	cr_expect(strstr(dom, "/kept.log</td>"), "%s", dom);
	free(dom);
	/* The first writer killed by SIGPIPE, and the reader it names. */
	int writer = 0, reader = 0;
	const char *l = strstr(r.out, "\tkilled by SIGPIPE");
	while (l && l > r.out && l[-1] != '\n')
		l--;
	cr_assert(l && sscanf(l, "%d\tkilled by SIGPIPE, likely as its pipe lost its reader %d",
			      &writer, &reader) == 2,
		  "tp_story_io said: %s", r.out);
	snprintf(frag, sizeof(frag), "#pid=%d", writer);
	dom = render(frag);
	char want[128];
	snprintf(want, sizeof(want),
		 "killed by SIGPIPE, likely as its pipe lost its reader %d at +", reader);
	cr_expect(strstr(dom, want), "no \"%s\":\n%s", want, dom);
	free(dom);
}
