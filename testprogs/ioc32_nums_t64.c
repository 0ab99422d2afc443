/* ioc32_nums.c's requests whose struct holds a time, built with glibc's 64-bit time
 * (_TIME_BITS=64, m32.cmake): the numbers strace 6.1 names without _TIME32 on i386. */
#include <linux/videodev2.h>
#include <stdio.h>

void ioc32_print_time64(void);

#define P(m) printf("%s %#x\n", #m, (unsigned)(m))

void ioc32_print_time64(void)
{
	_Static_assert(sizeof(time_t) == 8, "64-bit time");
	P(VIDIOC_QUERYBUF);
	P(VIDIOC_QBUF);
	P(VIDIOC_DQBUF);
	P(VIDIOC_PREPARE_BUF);
	P(VIDIOC_DQEVENT);
}
