package dev.qcl;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QclApplication {
    public static void main(String[] args) {}
}
