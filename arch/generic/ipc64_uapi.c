/*
 * The 64-bit sizes of the IPC_64 layouts and the offsets ipc64.c reads, against the
 * kernel's structs on the host (<linux/sem.h>, <linux/msg.h>, <linux/shm.h>): x86_64's
 * (layouts_x86_64) and the generic ones (ABI_LAYOUTS_LP64_IPC64, aarch64's).
 */
#include <stddef.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#if defined(__LP64__)
#if defined(__x86_64__)
_Static_assert(sizeof(struct semid64_ds) == 104 && offsetof(struct semid64_ds, sem_otime) == 48 &&
		       offsetof(struct semid64_ds, sem_ctime) == 64 &&
		       offsetof(struct semid64_ds, sem_nsems) == 80,
	       "struct semid64_ds");
#else
_Static_assert(sizeof(struct semid64_ds) == 88 && offsetof(struct semid64_ds, sem_otime) == 48 &&
		       offsetof(struct semid64_ds, sem_ctime) == 56 &&
		       offsetof(struct semid64_ds, sem_nsems) == 64,
	       "struct semid64_ds");
#endif
_Static_assert(sizeof(struct msqid64_ds) == 120 && offsetof(struct msqid64_ds, msg_qnum) == 80 &&
		       offsetof(struct msqid64_ds, msg_lspid) == 96,
	       "struct msqid64_ds");
_Static_assert(sizeof(struct shmid64_ds) == 112 && offsetof(struct shmid64_ds, shm_atime) == 56 &&
		       offsetof(struct shmid64_ds, shm_cpid) == 80 &&
		       offsetof(struct shmid64_ds, shm_nattch) == 88,
	       "struct shmid64_ds");
_Static_assert(offsetof(struct ipc64_perm, mode) == 20 && sizeof(struct ipc64_perm) == 48,
	       "struct ipc64_perm");
#elif defined(__i386__) /* what layouts_i386 says, on its own host */
_Static_assert(sizeof(struct semid64_ds) == 36 + 7 * 4 &&
		       sizeof(struct msqid64_ds) == 36 + 13 * 4 &&
		       sizeof(struct shmid64_ds) == 36 + 12 * 4 && sizeof(struct ipc64_perm) == 36,
	       "i386 IPC_64 structs");
#endif
