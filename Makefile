# make install PREFIX=/opt/qiyue   → PREFIX/bin/qiyue and PREFIX/share/qiyue/Rules
# make install STATIC=1            → a binary with the Swift runtime linked in (runs without a
#                                     Swift toolchain; it still needs libicu and libxml2 from Debian)
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT_FLAGS := -c release $(if $(STATIC),--static-swift-stdlib,)

.PHONY: build install uninstall

build:
	swift build $(SWIFT_FLAGS) --product qiyue

install: build
	install -D -m 755 "$$(swift build $(SWIFT_FLAGS) --show-bin-path)/qiyue" "$(DESTDIR)$(PREFIX)/bin/qiyue"
	rm -rf "$(DESTDIR)$(PREFIX)/share/qiyue/Rules"
	mkdir -p "$(DESTDIR)$(PREFIX)/share/qiyue"
	cp -R Rules "$(DESTDIR)$(PREFIX)/share/qiyue/Rules"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/qiyue with its rules in $(DESTDIR)$(PREFIX)/share/qiyue/Rules"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/qiyue"
	rm -rf "$(DESTDIR)$(PREFIX)/share/qiyue"
