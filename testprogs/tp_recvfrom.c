/* recvfrom(2)'s source address and its value-result length, as strace 6.1 shows them, on a UDP
 * socket that sends to itself on 127.0.0.1:
 *   tp_recvfrom basic   a length the kernel shrinks ([28 => 16]) or keeps ([16]), a failed
 *                       call ([28]), no address (the length's address alone), a bad length
 *                       pointer
 */
#include "expect.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

static pid_t me;

static void send_one(int s, const struct sockaddr_in *a)
{
	long n = sendto(s, "x", 1, 0, (const void *)a, sizeof(*a));
	xp_line(me,
		"sendto(%d, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(%u), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, 16) = %s",
		s, ntohs(a->sin_port), xp_res(n));
}

static int run_basic(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct sockaddr_in6 from;
	socklen_t len = sizeof(a);
	static char c;

	if (s < 0 || bind(s, (void *)&a, sizeof(a)) < 0 || getsockname(s, (void *)&a, &len) < 0)
		return 1;
	unsigned port = ntohs(a.sin_port);
	len = sizeof(from);
	long n = recvfrom(s, &c, 1, MSG_DONTWAIT, (void *)&from, &len);
	xp_line(me, "recvfrom(%d, %p, 1, MSG_DONTWAIT, %p, [28]) = %s", s, (void *)&c,
		(void *)&from, xp_res(n));
	n = recvfrom(s, &c, 1, MSG_DONTWAIT, NULL, &len);
	xp_line(me, "recvfrom(%d, %p, 1, MSG_DONTWAIT, NULL, %p) = %s", s, (void *)&c, (void *)&len,
		xp_res(n));
	send_one(s, &a);
	n = recvfrom(s, &c, 1, 0, (void *)&from, &len);
	xp_line(me,
		"recvfrom(%d, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(%u), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, [28 => %u]) = %s",
		s, port, (unsigned)len, xp_res(n));
	send_one(s, &a);
	n = recvfrom(s, &c, 1, 0, (void *)&from, &len);
	xp_line(me,
		"recvfrom(%d, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(%u), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, [%u]) = %s",
		s, port, (unsigned)len, xp_res(n));
	send_one(s, &a);
	n = recvfrom(s, &c, 1, 0, NULL, &len);
	xp_line(me, "recvfrom(%d, \"x\", 1, 0, NULL, %p) = %s", s, (void *)&len, xp_res(n));
	send_one(s, &a);
	n = recvfrom(s, &c, 1, 0, (void *)&from, (socklen_t *)8);
	xp_line(me, "recvfrom(%d, %p, 1, 0, %p, 0x8) = %s", s, (void *)&c, (void *)&from,
		xp_res(n));
	close(s);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_recvfrom", argc, argv, modes);
}
