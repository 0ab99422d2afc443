/*
 * What the kernel ran at an exec, against the file its path leads to now: a symlink on the
 * path switched to a denied program for the kernel's walk and back before the tracer's second
 * look would otherwise show the tracer the program it allows.  /proc/PID/exe is the file
 * the kernel mapped, which no later rename changes.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy_hook.h"
#include "util/arena.h"

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return !stat(path, &b) && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* A "#!" script's interpreter, as the tracer sees it (under the tracee's root or cwd). */
static bool interpreter_of(pid_t tgid, const char *script, char *out, size_t len)
{
	char line[256];
	FILE *f = fopen(script, "re");
	size_t n = f ? fread(line, 1, sizeof(line) - 1, f) : 0;

	if (f)
		fclose(f);
	if (n < 3 || line[0] != '#' || line[1] != '!')
		return false;
	line[n] = '\0';
	char *p = line + 2 + strspn(line + 2, " \t");
	p[strcspn(p, " \t\n")] = '\0';
	if (!*p)
		return false;
	/* The kernel opens a relative interpreter from the caller's cwd. */
	snprintf(out, len, "/proc/%d/%s/%s", (int)tgid, *p == '/' ? "root" : "cwd", p);
	return true;
}

const char *exec_ran_other(pid_t tgid, const char *path, struct arena *ar)
{
	char exe[64], there[PATH_MAX + 64], interp[PATH_MAX], ran[PATH_MAX];
	struct stat st;

	snprintf(exe, sizeof(exe), "/proc/%d/exe", (int)tgid);
	if (stat(exe, &st) < 0 || path[0] != '/') /* gone, or nothing to compare */
		return NULL;
	snprintf(there, sizeof(there), "/proc/%d/root%s", (int)tgid, path);
	if (same_file(&st, there))
		return NULL;
	if (interpreter_of(tgid, there, interp, sizeof(interp)) && same_file(&st, interp))
		return NULL;
	ssize_t n = readlink(exe, ran, sizeof(ran) - 1);
	if (n <= 0)
		return NULL;
	return arena_strndup(ar, ran, (size_t)n);
}
