#include "filter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "sysent.h"

/*
 * old: strace's spelling from before "%": "-e trace=signal" is the class even
 * though i386 has a signal syscall (and "ipc" though it has ipc).  The other
 * names are classes only with "%" or where no syscall has the name.
 */
static const struct {
	const char *name;
	uint32_t bits;
	bool old;
} classes[] = {
	{"file", TC_FILE, true},
	{"desc", TC_DESC, true},
	{"network", TC_NETWORK, true},
	{"net", TC_NETWORK, true},
	{"process", TC_PROCESS, true},
	{"signal", TC_SIGNAL, true},
	{"memory", TC_MEMORY, true},
	{"ipc", TC_IPC, true},
	{"creds", TC_CREDS, false},
	{"clock", TC_CLOCK, false},
	{"stat", TC_STAT, false},
	{"lstat", TC_LSTAT, false},
	{"fstat", TC_FSTAT, false},
	{"%stat", TC_STAT_LIKE, false},
	{"statfs", TC_STATFS, false},
	{"fstatfs", TC_FSTATFS, false},
	{"%statfs", TC_STATFS | TC_FSTATFS, false},
	{"pure", TC_PURE, false},
};

/* An old spelling of a class (no "%"), which wins over a syscall of the same name. */
static bool old_class(const char *name)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].old && !strcmp(classes[i].name, name))
			return true;
	return false;
}

uint32_t sysfilter_class(const char *name)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (!strcmp(classes[i].name, name))
			return classes[i].bits;
	return 0;
}

void sysfilter_init(struct sysfilter *f)
{
	memset(f, 0, sizeof(*f));
	f->items = xcalloc(1, sizeof(*f->items));
	f->items[0].kind = FILTER_ALL;
	f->n = 1;
}

static void reset_selection(struct sysfilter *f)
{
	for (unsigned i = 0; i < ABI_COUNT; i++) {
		free(f->sel[i]);
		f->sel[i] = NULL;
	}
}

static struct filter_item *add_item(struct sysfilter *f, enum filter_item_kind kind, bool negate)
{
	f->items = xrealloc(f->items, sizeof(*f->items) * (f->n + 1));
	struct filter_item *it = &f->items[f->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->negate = negate;
	return it;
}

static int parse_item(struct sysfilter *f, const char *tok, bool negate, char *err, size_t errlen);

/* strace's personality suffix: "getpid@64" is the 64-bit ABI's getpid only. */
static int parse_token(struct sysfilter *f, char *tok, bool negate, char *err, size_t errlen)
{
	static const struct {
		const char *suffix;
		uint8_t personality;
	} suffixes[] = {{"@64", FILTER_ABI_64}, {"@32", FILTER_ABI_32}, {"@x32", FILTER_ABI_X32}};
	size_t len = strlen(tok);
	uint8_t personality = FILTER_ANY_ABI;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t n = strlen(suffixes[i].suffix);
		if (len > n && !strcmp(tok + len - n, suffixes[i].suffix)) {
			tok[len - n] = '\0';
			personality = suffixes[i].personality;
			break;
		}
	}
	size_t before = f->n;
	int rc = parse_item(f, tok, negate, err, errlen);
	if (rc == 0 && f->n > before)
		f->items[f->n - 1].personality = personality;
	return rc;
}

static int parse_item(struct sysfilter *f, const char *tok, bool negate, char *err, size_t errlen)
{
	if (*tok == '/') {
		struct filter_item *it = add_item(f, FILTER_REGEX, negate);
		if (regcomp(&it->re, tok + 1, REG_EXTENDED | REG_NOSUB)) {
			f->n--;
			snprintf(err, errlen, "invalid regular expression '%s'", tok + 1);
			return -EINVAL;
		}
		return 0;
	}
	if (*tok == '%' || old_class(tok) || (!systab_name_known(tok) && sysfilter_class(tok))) {
		uint32_t bits = sysfilter_class(*tok == '%' ? tok + 1 : tok);
		if (!bits) {
			snprintf(err, errlen, "invalid syscall class '%s'", tok);
			return -EINVAL;
		}
		add_item(f, FILTER_CLASS, negate)->classes = bits;
		return 0;
	}
	if (*tok >= '0' && *tok <= '9') {
		char *end;
		unsigned long long nr = strtoull(tok, &end, 10);
		if (*end) {
			snprintf(err, errlen, "invalid system call '%s'", tok);
			return -EINVAL;
		}
		add_item(f, FILTER_NUMBER, negate)->nr = nr;
		return 0;
	}
	/* "?name": a name some ABIs lack is not an error. */
	bool optional = *tok == '?';
	if (optional)
		tok++;
	if (!systab_name_known(tok)) {
		if (optional)
			return 0;
		snprintf(err, errlen, "invalid system call '%s'", tok);
		return -EINVAL;
	}
	add_item(f, FILTER_NAME, negate)->name = xstrdup(tok);
	return 0;
}

int sysfilter_parse(struct sysfilter *f, const char *spec, char *err, size_t errlen)
{
	bool negate = *spec == '!';

	if (negate)
		spec++;
	reset_selection(f);
	/* The first trace= replaces the default "all"; later ones add to it. */
	if (f->n == 1 && f->items[0].kind == FILTER_ALL && !f->items[0].negate) {
		f->n = 0;
		if (negate)
			add_item(f, FILTER_ALL, false);
	}
	if (!strcmp(spec, "all") || !strcmp(spec, "none")) {
		bool none = !strcmp(spec, "none") != negate;
		add_item(f, FILTER_ALL, none);
		return 0;
	}
	if (!*spec) {
		snprintf(err, errlen, "empty syscall list");
		return -EINVAL;
	}
	char *copy = xstrdup(spec);
	int rc = 0;
	for (char *save, *tok = strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save))
		rc = parse_token(f, tok, negate, err, errlen);
	free(copy);
	return rc;
}

/* nr is the call's number, or NO_NR for a call known by its name alone (i386's socketcall). */
enum { NO_NR = -1 };

/* Whether an item's personality suffix admits abi (NULL: a call multiplexed by i386). */
static bool personality_matches(const struct filter_item *it, const struct ptrc_abi *abi)
{
	unsigned word = abi ? abi->word_size : 4;

	switch (it->personality) {
	case FILTER_ABI_64:
		return word == 8;
	case FILTER_ABI_32:
		return word == 4;
	case FILTER_ABI_X32:
		return false; /* ptrc decodes no x32 calls */
	default:
		return true;
	}
}

static bool item_matches(const struct filter_item *it, const struct ptrc_abi *abi, const char *name,
			 uint64_t nr)
{
	if (!personality_matches(it, abi))
		return false;
	switch (it->kind) {
	case FILTER_ALL:
		return true;
	case FILTER_NUMBER:
		return nr == it->nr;
	case FILTER_NAME:
		return !strcmp(it->name, name);
	case FILTER_REGEX:
		return regexec(&it->re, name, 0, NULL, 0) == 0;
	case FILTER_CLASS: {
		const struct sysent *e = sysent_by_name(name);
		return e && (e->classes & it->classes);
	}
	}
	return false;
}

static bool selected(const struct sysfilter *f, const struct ptrc_abi *abi, const char *name,
		     uint64_t nr)
{
	bool sel = false;

	for (size_t i = 0; i < f->n; i++)
		if (item_matches(&f->items[i], abi, name, nr))
			sel = !f->items[i].negate;
	return sel;
}

static void build(struct sysfilter *f, const struct ptrc_abi *abi)
{
	const struct systab *t = abi->systab;
	unsigned len = 0;

	for (unsigned i = 0; i < t->len; i++)
		if (t->entries[i].nr + 1 > len)
			len = t->entries[i].nr + 1;
	bool *sel = xcalloc(len, sizeof(*sel));
	/* A number with no name (a newer kernel's) has only the "all" items to go by. */
	for (unsigned i = 0; i < len; i++)
		sel[i] = selected(f, abi, "", i);
	for (unsigned i = 0; i < t->len; i++)
		sel[t->entries[i].nr] = selected(f, abi, t->entries[i].name, t->entries[i].nr);
	f->sel[abi->id] = sel;
	f->sel_len[abi->id] = len;
}

bool sysfilter_match(struct sysfilter *f, const struct ptrc_abi *abi, uint64_t nr)
{
	if (!f->sel[abi->id])
		build(f, abi);
	nr &= ~abi->nr_mask;
	if (nr >= f->sel_len[abi->id])
		return selected(f, abi, "", nr);
	return f->sel[abi->id][nr];
}

bool sysfilter_match_name(const struct sysfilter *f, const char *name)
{
	return selected(f, NULL, name, (uint64_t)NO_NR);
}

void sysfilter_free(struct sysfilter *f)
{
	reset_selection(f);
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].name);
		if (f->items[i].kind == FILTER_REGEX)
			regfree(&f->items[i].re);
	}
	free(f->items);
	f->items = NULL;
	f->n = 0;
}
