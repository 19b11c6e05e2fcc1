# Installed by the .deb as /etc/apparmor.d/${executable} and loaded by its post-install script
# (electron-builder's after-install template). Ubuntu 23.10 and later let only programs with a
# profile like this create the unprivileged user namespaces Chromium's sandbox is built on; without
# it Electron aborts at start. It grants that and nothing more: the app stays unconfined otherwise,
# as Ubuntu's own profiles for browsers do.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
