/* CLOCK_MONOTONIC in nanoseconds: what durations and run offsets are measured by. */
#ifndef PTRC_UTIL_CLOCK_H
#define PTRC_UTIL_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline int64_t mono_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Nanoseconds from since (a CLOCK_MONOTONIC reading) to now. */
static inline int64_t mono_since_ns(const struct timespec *since)
{
	return mono_now_ns() - ((int64_t)since->tv_sec * 1000000000LL + since->tv_nsec);
}

#endif
