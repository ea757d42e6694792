RUN <<EOF
set -eux
apt-get update
EOF
RUN <<-EOT bash
	echo tabs stripped
	EOT
RUN <<"EOF" cat > /x
$NOT_EXPANDED
EOF
COPY <<EOF1 <<EOF2 /dest/
first
EOF1
second
EOF2
RUN 3<<EOF cat /dev/fd/3
fd three
EOF
RUN ["cat", "<<EOF"]
RUN echo \<<NOTHEREDOC
RUN cat <<EOF
never closed
