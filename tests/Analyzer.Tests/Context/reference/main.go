// Runs Docker's own code over dflint's case table (../dockerignore-cases.json) and prints every disagreement:
// BuildKit's ignore-file reader, moby's patternmatcher walked folder by folder with MatchesUsingParentResults (as
// the context sender filters), and Go's filepath.Match for COPY wildcards. Not part of the test run; on Debian:
//
//   apt-get install golang-go golang-github-moby-patternmatcher-dev golang-github-docker-docker-dev
//   GO111MODULE=off GOPATH=/usr/share/gocode go run main.go ../dockerignore-cases.json
//
// It printed "0 mismatches" with Debian 12's packages (Go 1.19, patternmatcher 0.5.0, BuildKit's reader as of Docker 20.10).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/dockerignore"
	"github.com/moby/patternmatcher"
)

type table struct {
	Ignore []struct {
		Name   string
		Ignore string
		Paths  map[string]bool
	}
	Rejected []struct {
		Name   string
		Ignore string
	}
	Globs []struct {
		Pattern string
		Names   map[string]bool
	}
}

func excluded(pm *patternmatcher.PatternMatcher, path string) (bool, error) {
	if path == "." {
		return false, nil
	}
	parts := strings.Split(path, "/")
	var info patternmatcher.MatchInfo
	var m bool
	var err error
	for i := range parts {
		m, info, err = pm.MatchesUsingParentResults(strings.Join(parts[:i+1], "/"), info)
		if err != nil {
			return false, err
		}
	}
	return m, nil
}

func main() {
	data, _ := os.ReadFile(os.Args[1])
	var t table
	if err := json.Unmarshal(data, &t); err != nil {
		panic(err)
	}
	bad := 0
	for _, c := range t.Ignore {
		patterns, _ := dockerignore.ReadAll(strings.NewReader(c.Ignore))
		pm, err := patternmatcher.New(patterns)
		if err != nil {
			fmt.Printf("MISMATCH %q: docker rejects: %v\n", c.Name, err)
			bad++
			continue
		}
		keys := make([]string, 0, len(c.Paths))
		for k := range c.Paths {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, p := range keys {
			got, err := excluded(pm, p)
			if err != nil || got != c.Paths[p] {
				fmt.Printf("MISMATCH %q path %q: docker %v (err %v), table %v\n", c.Name, p, got, err, c.Paths[p])
				bad++
			}
		}
	}
	for _, c := range t.Rejected {
		patterns, _ := dockerignore.ReadAll(strings.NewReader(c.Ignore))
		pm, err := patternmatcher.New(patterns)
		if err == nil {
			_, err = excluded(pm, "x")
		}
		if err == nil {
			fmt.Printf("MISMATCH %q: docker accepts %q\n", c.Name, patterns)
			bad++
		}
	}
	for _, g := range t.Globs {
		for n, want := range g.Names {
			got, _ := filepath.Match(g.Pattern, n)
			if got != want {
				fmt.Printf("MISMATCH glob %q name %q: go %v, table %v\n", g.Pattern, n, got, want)
				bad++
			}
		}
	}
	fmt.Printf("%d mismatches\n", bad)
}
