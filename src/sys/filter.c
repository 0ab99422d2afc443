#include "filter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "sysent.h"

void sysfilter_init(struct sysfilter *f)
{
	memset(f, 0, sizeof(*f));
	f->all = true;
}

static void reset_selection(struct sysfilter *f)
{
	for (unsigned i = 0; i < ABI_COUNT; i++) {
		free(f->sel[i]);
		f->sel[i] = NULL;
	}
}

int sysfilter_parse(struct sysfilter *f, const char *spec, char *bad, size_t badlen)
{
	bool negate = false;

	if (*spec == '!') {
		negate = true;
		spec++;
	}
	reset_selection(f);
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	f->names = NULL;
	f->n = 0;
	f->negate = negate;
	f->all = false;
	if (!strcmp(spec, "all")) {
		f->all = !negate;
		return 0;
	}
	if (!strcmp(spec, "none")) {
		f->all = negate;
		return 0;
	}
	char *copy = xstrdup(spec);
	int rc = 0;
	for (char *save, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!systab_name_known(tok)) {
			snprintf(bad, badlen, "%s", tok);
			rc = -EINVAL;
			break;
		}
		f->names = xrealloc(f->names, sizeof(*f->names) * (f->n + 1));
		f->names[f->n++] = xstrdup(tok);
	}
	free(copy);
	if (!rc && f->n == 0) {
		snprintf(bad, badlen, "%s", spec);
		rc = -EINVAL;
	}
	return rc;
}

static void build(struct sysfilter *f, const struct ptrc_abi *abi)
{
	const struct systab *t = abi->systab;
	unsigned len = 0;

	for (unsigned i = 0; i < t->len; i++)
		if (t->entries[i].nr + 1 > len)
			len = t->entries[i].nr + 1;
	bool *sel = xcalloc(len, sizeof(*sel));
	for (unsigned i = 0; i < t->len; i++) {
		bool listed = false;
		for (size_t k = 0; k < f->n && !listed; k++)
			listed = !strcmp(f->names[k], t->entries[i].name);
		sel[t->entries[i].nr] = listed != f->negate;
	}
	f->sel[abi->id] = sel;
	f->sel_len[abi->id] = len;
}

bool sysfilter_match(struct sysfilter *f, const struct ptrc_abi *abi, uint64_t nr)
{
	if (f->all)
		return true;
	if (!f->n)
		return false;
	if (!f->sel[abi->id])
		build(f, abi);
	nr &= ~abi->nr_mask;
	if (nr >= f->sel_len[abi->id])
		return f->negate;
	return f->sel[abi->id][nr];
}

void sysfilter_free(struct sysfilter *f)
{
	reset_selection(f);
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	f->names = NULL;
	f->n = 0;
}
