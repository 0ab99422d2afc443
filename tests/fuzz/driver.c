/*
 * Replays fuzz inputs without libFuzzer, so the ordinary build (gcc, and the
 * ASan build) runs every seed and every crash that became a regression test
 * through a target's LLVMFuzzerTestOneInput.  Arguments are files or
 * directories of files.  A crash, a sanitizer report or an abort ends the
 * process and fails the test; so does an argument with no input in it, so
 * that a corpus that went missing is not a silent pass, except a directory
 * given with -o (regression inputs: a target may have none yet).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	long len;
	uint8_t *buf;

	if (!f)
		return -errno;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto fail_close;
	/* An input of its own size exactly, so ASan sees a read past its end. */
	buf = malloc(len ? (size_t)len : 1);
	if (!buf)
		goto fail_close;
	if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		goto fail_close;
	}
	fclose(f);
	fprintf(stderr, "replay %s (%ld bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, (size_t)len);
	free(buf);
	return 1;
fail_close:
	fclose(f);
	return -EIO;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order so that a failure is reproducible. */
static int run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	int ret = 0;

	if (!d)
		return -errno;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char **nn = realloc(names, (n + 1) * sizeof(*names));
		if (!nn) {
			ret = -ENOMEM;
			goto out_names;
		}
		names = nn;
		if (asprintf(&names[n], "%s/%s", dir, e->d_name) < 0) {
			ret = -ENOMEM;
			goto out_names;
		}
		n++;
	}
	qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n && ret >= 0; i++) {
		int r = run_file(names[i]);
		ret = r < 0 ? r : ret + r;
	}
out_names:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return ret;
}

static int run_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	return S_ISDIR(st.st_mode) ? run_dir(path) : run_file(path);
}

int main(int argc, char **argv)
{
	int total = 0, opt, r;

	LLVMFuzzerInitialize(&argc, &argv);
	while ((opt = getopt(argc, argv, "o:")) != -1) {
		if (opt != 'o')
			return 2;
		r = run_path(optarg);
		if (r < 0 && r != -ENOENT) {
			fprintf(stderr, "%s: %s\n", optarg, strerror(-r));
			return 1;
		}
		total += r > 0 ? r : 0;
	}
	for (int i = optind; i < argc; i++) {
		r = run_path(argv[i]);
		if (r <= 0) {
			fprintf(stderr, "%s: %s\n", argv[i], r ? strerror(-r) : "no inputs");
			return 1;
		}
		total += r;
	}
	fprintf(stderr, "%s: %d inputs replayed\n", argv[0], total);
	return total ? 0 : 1;
}
