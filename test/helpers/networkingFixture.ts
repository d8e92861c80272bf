/**
 * Label of fixtures/lpc-networking-bpf.json → the built-in taxonomy theme it stands for (the
 * mapping documented in fixtures/README.md). `hardware-offload` and `packet-classification`
 * are not a name or alias of their theme.
 */
export const TAXONOMY_THEME_OF_LABEL: Readonly<Record<string, string>> = {
  xdp: 'XDP',
  tc: 'Traffic control',
  seccomp: 'Seccomp',
  profiling: 'Profiling and stack unwinding',
  mptcp: 'MPTCP',
  'hid-bpf': 'HID-BPF',
  'bpf-ci': 'BPF CI and testing',
  'cgroup-networking': 'Cgroups and container networking',
  documentation: 'Documentation and standardisation',
  observability: 'Tracing and observability',
  'hardware-offload': 'Hardware offload and NIC firmware',
  'packet-classification': 'Packet classification and filtering',
}
